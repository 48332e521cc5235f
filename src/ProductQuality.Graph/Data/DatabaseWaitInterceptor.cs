using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace ProductQuality.Graph.Data;

/// <summary>
/// Tells the operation under way (<see cref="DatabaseWaits.Current"/>) when each of its commands and connection
/// openings starts and ends, for both providers alike, so a request stopped at its deadline can be told apart from
/// one held by the database; and, for <see cref="DatabaseLocks"/>, what may be waiting for a lock: each command's
/// backend process (PostgreSQL), each transaction being begun, and which connections of this server are open.
/// </summary>
internal sealed class DatabaseWaitInterceptor(DatabaseLocks locks)
    : IDbCommandInterceptor, IDbConnectionInterceptor, IDbTransactionInterceptor
{
    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result) => Started(eventData, result);

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(Started(eventData, result));

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result) => Started(eventData, result);

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Started(eventData, result));

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result) => Started(eventData, result);

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Started(eventData, result));

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Ended(eventData, result);

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Ended(eventData, result));

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) =>
        Ended(eventData, result);

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Ended(eventData, result));

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) =>
        Ended(eventData, result);

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(Ended(eventData, result));

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Ended(eventData, 0);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Ended(eventData, 0);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Ended(eventData, 0);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Ended(eventData, 0);
        return Task.CompletedTask;
    }

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result)
    {
        DatabaseWaits.Current?.OpeningStarted(eventData.ConnectionId, eventData.StartTime);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ConnectionOpening(connection, eventData, result));

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        locks.Opened(connection);
        DatabaseWaits.Current?.OpeningEnded(eventData.ConnectionId);
    }

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result)
    {
        locks.Closing(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result) => ValueTask.FromResult(ConnectionClosing(connection, eventData, result));

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) =>
        DatabaseWaits.Current?.OpeningEnded(eventData.ConnectionId);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        ConnectionFailed(connection, eventData);
        return Task.CompletedTask;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        DatabaseWaits.Current?.BeginningStarted(eventData.TransactionId,
            new(eventData.StartTime, ProcessId(connection), connection), locks);
        return result;
    }

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarting(connection, eventData, result));

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData,
        DbTransaction result)
    {
        DatabaseWaits.Current?.BeginningEnded(eventData.TransactionId);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
        DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        DatabaseWaits.Current?.BeginningEnded(eventData.TransactionId);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    private T Started<T>(CommandEventData eventData, T result)
    {
        DatabaseWaits.Current?.CommandStarted(eventData.CommandId,
            new(eventData.StartTime, ProcessId(eventData.Connection), null), locks);
        return result;
    }

    // Read when the command starts, on the thread that owns the connection.
    private static int? ProcessId(DbConnection? connection) =>
        connection is NpgsqlConnection { State: System.Data.ConnectionState.Open } postgres ? postgres.ProcessID : null;

    private static T Ended<T>(CommandEndEventData eventData, T result)
    {
        DatabaseWaits.Current?.CommandEnded(eventData.CommandId);
        return result;
    }
}
