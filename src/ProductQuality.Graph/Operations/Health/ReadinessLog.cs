using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Operations.Health;

/// <summary>
/// Logs readiness when it changes, not at every probe. ASP.NET Core's health check service wrote an error line, with
/// the exception's stack, for every unhealthy check of every probe: a load balancer polling every few seconds during
/// a database outage buried the log in them (its category is silenced in <see cref="HealthRegistration"/>). Here a
/// check that turns unhealthy is said once, as a warning naming it and why (an outage as one line, a fault with its
/// stack, which is what the probe's answer points to: "the server log has the detail"), and its recovery once.
/// </summary>
internal sealed class ReadinessLog(ILogger<ReadinessLog> logger)
{
    /// <summary>The ASP.NET Core category whose per-probe lines this replaces.</summary>
    public const string SilencedCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    private readonly Dictionary<string, HealthStatus> _last = new(StringComparer.Ordinal);

    public void Note(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_last)
        {
            foreach (var (name, entry) in report.Entries)
            {
                var was = _last.GetValueOrDefault(name, HealthStatus.Healthy);
                _last[name] = entry.Status;
                if (entry.Status == was)
                {
                    continue;
                }

                if (entry.Status == HealthStatus.Healthy)
                {
                    logger.LogInformation("Readiness check {Check} is healthy again", name);
                }
                else if (entry.Exception is { } failure and not OperationCanceledException
                    && DatabaseOutage.Reason(failure) is null)
                {
                    logger.LogError(failure, "Readiness check {Check} is {Status}: {Description}", name,
                        entry.Status, entry.Description);
                }
                else
                {
                    logger.LogWarning("Readiness check {Check} is {Status}: {Description}{Cause}", name, entry.Status,
                        entry.Description, entry.Exception is { } e and not OperationCanceledException
                            ? $" ({DatabaseOutage.Cause(e)})" : "");
                }
            }
        }
    }
}
