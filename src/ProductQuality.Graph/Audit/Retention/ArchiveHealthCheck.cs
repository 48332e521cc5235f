using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Audit.Retention;

/// <summary>
/// Readiness (tag <c>ready</c>) of the archive, when retention is on: the folder can be written and the last run
/// did not fail. Either problem is <b>Degraded</b>, not unhealthy: requests are still answered and every entry is
/// still committed to the database before its answer — expired entries merely stay in the table until archiving
/// works again. Taking every server out of the load balancer for that would turn housekeeping into an outage; a
/// degraded probe still answers 200 and tells the operator. The report never names the folder (it is a path).
/// </summary>
public sealed class ArchiveHealthCheck(IOptions<AccessLogOptions> options, ArchiveStatus status) : IHealthCheck
{
    public const string Name = "access-log-archive";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        var retention = options.Value.Retention;
        if (!retention.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Retention is off: every entry stays in the database."));
        }

        if (!Writable(retention.Folder))
        {
            return Task.FromResult(HealthCheckResult.Degraded("The archive folder (AccessLog:Retention:Folder) "
                + "cannot be written: expired entries stay in the database until it can. Requests are still logged."));
        }

        return Task.FromResult(status.LastFailed
            ? HealthCheckResult.Degraded("The last archive run failed (the server log says why); it is tried again "
                + "within the hour. Expired entries stay in the database meanwhile; requests are still logged.")
            : HealthCheckResult.Healthy(
                $"Entries older than {retention.Days} days are archived daily; the archive folder is writable."));
    }

    private static bool Writable(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-probe-{Guid.NewGuid():N}");
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException
            or ArgumentException)
        {
            return false;
        }
    }
}
