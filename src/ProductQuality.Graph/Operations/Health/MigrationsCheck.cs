using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Operations.Health;

/// <summary>
/// Readiness: the database has every migration this server knows (it reads the migrations history table, so a
/// database that is reachable but cannot be read — a locked SQLite file — fails here within the check timeout).
/// Migrations newer than this server (another instance already upgraded the database during a rolling update)
/// are Degraded, not unready: taking every old instance out at once would be an outage.
/// </summary>
internal sealed class MigrationsCheck(
    ProductQualityDbContext db, IOptions<HealthOptions> options, ILogger<MigrationsCheck> logger) : IHealthCheck
{
    public const string Name = "migrations";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("Not checked: the database cannot be reached.");
            }

            // A locked SQLite file makes the reader wait for the command timeout; the check must end before the probe.
            db.Database.SetCommandTimeout(options.Value.CheckTimeoutSeconds);
            var state = await MigrationState.ReadAsync(db, cancellationToken);
            return state.Pending.Count > 0 ? HealthCheckResult.Unhealthy(state.PendingSentence)
                // Only written after the start (which refuses them): its database is another build's now.
                : state.Older.Count > 0 ? HealthCheckResult.Unhealthy($"The database records {state.Older.Count} "
                    + "migrations of an earlier development build, which this server does not know.")
                : state.Newer.Count > 0
                    ? HealthCheckResult.Degraded($"All {state.Known} migrations applied, and {state.Newer.Count} "
                        + "newer ones this server does not know: upgrade it.")
                    : HealthCheckResult.Healthy($"All {state.Known} migrations applied.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Readiness: the migrations history could not be read.");
            return HealthCheckResult.Unhealthy("The migrations history could not be read (database locked or "
                + "unavailable).");
        }
    }
}
