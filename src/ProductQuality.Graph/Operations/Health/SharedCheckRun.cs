using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductQuality.Graph.Operations.Health;

/// <summary>
/// One run of a check at a time, shared by every probe that asks while it runs. The probes are not rate limited
/// (they come from the orchestrator, without a token), so each one ran every check — database queries among them —
/// and a flood of /health/ready could hold as many of the database's connections as probes arrived at once; now it
/// holds one per check. A probe that comes after a run has ended starts a new one: readiness is never stale.
/// </summary>
internal sealed class SharedCheckRun
{
    private readonly Lock _gate = new();
    private Task<HealthCheckResult>? _run;

    /// <summary>The run under way, or else a new run of <paramref name="check"/>.</summary>
    public Task<HealthCheckResult> RunAsync(Func<Task<HealthCheckResult>> check)
    {
        lock (_gate)
        {
            if (_run is { IsCompleted: false } running)
            {
                return running;
            }

            _run = check();
            return _run;
        }
    }
}
