using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProductQuality.Graph.Data;

/// <summary>
/// SQLite's execution strategy: as EF's non-retrying one (SQLite has nothing to retry), but a context asked to hold
/// its connection (<see cref="ProductQualityDbContext.HoldConnection"/>) opens it before its first asynchronous
/// statement and keeps it open. The opening goes through EF, so the connection interceptors see it (the page cache
/// setting, a test's held opening) and the statement's cancellation (the request's deadline) can stop it.
/// </summary>
internal sealed class HeldConnectionStrategy(ExecutionStrategyDependencies dependencies) : IExecutionStrategy
{
    public bool RetriesOnFailure => false;

    public TResult Execute<TState, TResult>(TState state, Func<DbContext, TState, TResult> operation,
        Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded) =>
        operation(dependencies.CurrentContext.Context, state);

    public Task<TResult> ExecuteAsync<TState, TResult>(TState state,
        Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded,
        CancellationToken cancellationToken = default)
    {
        var context = dependencies.CurrentContext.Context;
        return context is ProductQualityDbContext { OpensHeldConnection: true } db
            ? OpenThenExecuteAsync(db, state, operation, cancellationToken)
            : operation(context, state, cancellationToken);
    }

    private static async Task<TResult> OpenThenExecuteAsync<TState, TResult>(ProductQualityDbContext db, TState state,
        Func<DbContext, TState, CancellationToken, Task<TResult>> operation, CancellationToken cancellationToken)
    {
        await db.OpenHeldConnectionAsync(cancellationToken);
        return await operation(db, state, cancellationToken);
    }
}
