using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>Connection openings, closings and statements an EF interceptor saw (register it as an IInterceptor).
/// </summary>
public sealed class ConnectionCounts : IDbConnectionInterceptor, IDbCommandInterceptor
{
    private int _openings;
    private int _closings;
    private int _statements;

    public Counted Snapshot() => new(Volatile.Read(ref _openings), Volatile.Read(ref _closings),
        Volatile.Read(ref _statements));

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Interlocked.Increment(ref _openings);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _openings);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) =>
        Interlocked.Increment(ref _closings);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Interlocked.Increment(ref _closings);
        return Task.CompletedTask;
    }

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        DbDataReader result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _statements);
        return ValueTask.FromResult(result);
    }

    public readonly record struct Counted(int Openings, int Closings, int Statements)
    {
        public static Counted operator -(Counted a, Counted b) =>
            new(a.Openings - b.Openings, a.Closings - b.Closings, a.Statements - b.Statements);
    }
}
