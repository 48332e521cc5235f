using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// Counts the SQL statements the server sends, to prove batching (no N+1), and keeps their text in the order sent,
/// to prove what is loaded when.
/// </summary>
public sealed class SqlCounter : DbCommandInterceptor
{
    // The newest statements only: the counter serves a whole test run, and most tests never read the texts.
    private const int TextsKept = 1_000;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();
    private int _count;

    public int Count => _count;

    /// <summary>The statements sent since the last <see cref="Reset"/>, in order (the newest thousand).</summary>
    public IReadOnlyList<string> Texts => [.. _texts];

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _texts.Clear();
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        DbDataReader result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        Keep(command.CommandText);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        object? result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        Keep(command.CommandText);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    private void Keep(string text)
    {
        _texts.Enqueue(text);
        while (_texts.Count > TextsKept && _texts.TryDequeue(out _))
        {
        }
    }
}
