using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductQuality.Graph.Operations.Health;

namespace ProductQuality.Graph.Tests.Operations;

/// <summary>
/// Probes that arrive while a check runs share its run: a flood of /health/ready (not rate limited) holds one of the
/// database's connections per check, not one per probe. A probe after the run has ended runs it again.
/// </summary>
public sealed class SharedCheckRunTests
{
    [Fact]
    public async Task Probes_during_a_run_share_it_and_a_later_probe_runs_again()
    {
        var shared = new SharedCheckRun();
        var release = new TaskCompletionSource<HealthCheckResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        Task<HealthCheckResult> Check()
        {
            Interlocked.Increment(ref runs);
            return release.Task;
        }

        var probes = new Task<HealthCheckResult>[200];
        Parallel.For(0, probes.Length, i => probes[i] = shared.RunAsync(Check));
        release.SetResult(HealthCheckResult.Healthy("ok"));
        var results = await Task.WhenAll(probes).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, runs);
        Assert.All(results, r => Assert.Equal(HealthStatus.Healthy, r.Status));
        var later = await shared.RunAsync(() => Task.FromResult(HealthCheckResult.Unhealthy("now")));
        Assert.Equal(HealthStatus.Unhealthy, later.Status);
    }
}
