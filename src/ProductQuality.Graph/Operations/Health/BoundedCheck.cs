using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductQuality.Graph.Operations.Health;

/// <summary>
/// A health check that gives up when its timeout cancels it, whether or not the check it wraps heeds the
/// cancellation: a call into a hung database server does not (Npgsql's connect waits its own 15 s), and a frozen
/// PostgreSQL held /health/ready for 33 s — a probe that hangs with the database is read by an orchestrator as the
/// server's failure. Given up, it is reported as any check that ran out of time.
/// </summary>
internal sealed class BoundedCheck(IHealthCheck inner, SharedCheckRun shared) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        // The run is shared with other probes (SharedCheckRun): it is bounded by its own timeout, not by whichever
        // probe's wait ends first.
        var timeout = context.Registration.Timeout;
        var check = shared.RunAsync(async () =>
        {
            using var limit = timeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(timeout);
            return await inner.CheckHealthAsync(context, limit?.Token ?? CancellationToken.None);
        });
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
}
