using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductQuality.Graph.Operations.Health;

/// <summary>
/// A health check that gives up when its timeout cancels it, whether or not the check it wraps heeds the
/// cancellation: a call into a hung database server does not (Npgsql's connect waits its own 15 s), and a frozen
/// PostgreSQL held /health/ready for 33 s — a probe that hangs with the database is read by an orchestrator as the
/// server's failure. Given up, it is reported as any check that ran out of time.
/// The check runs in a service scope of its own, ended when the check ends: in the probe's scope, ended when the probe
/// gave up, its pooled database context went back to the pool while still connecting, which threw, and the probe
/// answered a bare 500 (the ops probe, with PostgreSQL frozen).
/// </summary>
internal sealed class BoundedCheck(
    IServiceScopeFactory scopes, Func<IServiceProvider, IHealthCheck> inner, SharedCheckRun shared,
    ILogger<BoundedCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        // The run is shared with other probes (SharedCheckRun): it is bounded by its own timeout, not by whichever
        // probe's wait ends first.
        var timeout = context.Registration.Timeout;
        var check = shared.RunAsync(() => RunAsync(context, timeout));
        try
        {
            return await check.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // It goes on until the database answers or its own timeouts end it; its outcome is not needed.
            _ = check.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            throw;
        }
    }

    private async Task<HealthCheckResult> RunAsync(HealthCheckContext context, TimeSpan timeout)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            using var limit = timeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(timeout);
            return await inner(scope.ServiceProvider).CheckHealthAsync(context,
                limit?.Token ?? CancellationToken.None);
        }
        finally
        {
            await EndAsync(scope);
        }
    }

    // Ending the scope returns its database context to the pool; a connection the cancelled check left half-open
    // makes that throw. The check's outcome stands; the context is dropped.
    private async Task EndAsync(AsyncServiceScope scope)
    {
        try
        {
            await scope.DisposeAsync();
        }
        catch (InvalidOperationException ex)
        {
            logger.LogDebug(ex, "A health check's services could not be released cleanly.");
        }
    }
}
