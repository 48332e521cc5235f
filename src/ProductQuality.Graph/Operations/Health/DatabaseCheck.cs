using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Operations.Health;

/// <summary>
/// Readiness: the database answers. EF Core's own test (for SQLite a read-only open, so a removed file is reported
/// and not re-created empty; for PostgreSQL a connection to the configured database). The provider's error text is
/// logged, never put into the report: it can name hosts and files.
/// </summary>
internal sealed class DatabaseCheck(ProductQualityDbContext db, ILogger<DatabaseCheck> logger) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("The database answers.")
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Readiness: the database cannot be reached.");
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}
