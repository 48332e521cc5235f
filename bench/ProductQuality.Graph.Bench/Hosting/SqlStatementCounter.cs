using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProductQuality.Graph.Bench.Hosting;

/// <summary>
/// Counts the SQL statements the server sends, so the report can show that the GraphQL and plain endpoints of a pair
/// do the same database work (statements per request) and differ only in what sits around it.
/// </summary>
internal sealed class SqlStatementCounter : DbCommandInterceptor
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }
}
