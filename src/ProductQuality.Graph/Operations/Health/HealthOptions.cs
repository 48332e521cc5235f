namespace ProductQuality.Graph.Operations.Health;

/// <summary>The health probes (configuration section <c>Health</c>).</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// Longest time one readiness check may take, in seconds; a check still running then (a locked SQLite file, a
    /// PostgreSQL server that does not answer) is unhealthy. Keep it below the probe's own timeout.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 60)]
    public int CheckTimeoutSeconds { get; set; } = 3;
}
