using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>Counts the SQL statements the server sends, to prove batching (no N+1).</summary>
public sealed class SqlCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => _count;

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        DbDataReader result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        object? result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }
}
