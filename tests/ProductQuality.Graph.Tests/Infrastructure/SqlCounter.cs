using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// Counts the SQL statements the server sends, to prove batching (no N+1), and keeps their text in the order sent,
/// to prove what is loaded when.
/// </summary>
public sealed class SqlCounter : DbCommandInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();
    private int _count;

    public int Count => _count;

    /// <summary>The statements sent since the last <see cref="Reset"/>, in order.</summary>
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
        _texts.Enqueue(command.CommandText);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        object? result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        _texts.Enqueue(command.CommandText);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }
}
