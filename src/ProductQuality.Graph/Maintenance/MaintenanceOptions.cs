using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Maintenance;

/// <summary>
/// The <c>Maintenance</c> section: the daily re-evaluation of what falls due without a new fact (windows that run
/// out, deferred upgrades, expiring overrides and titles), run by the server itself at the start of each bureau day.
/// </summary>
public sealed class MaintenanceOptions
{
    public const string Section = "Maintenance";

    /// <summary>Run the daily re-evaluation in this server (on start-up, then at each bureau day's start).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Enterprises re-evaluated per transaction: live writes wait at most one batch for the lock, and on SQLite so
    /// does every request's access log entry. In batches of 500, a start-up catch-up of three months (28 s in four
    /// transactions on a busy machine) made a plain read wait 10.9 s and answer 503 ACCESS_LOG_UNAVAILABLE (the cost
    /// probe); a batch of 100 holds the lock a fifth as long.
    /// </summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Minutes to wait before trying again after a failed run (the failure is logged; the server stays up).
    /// </summary>
    [Range(1, 1_440)]
    public int RetryMinutes { get; set; } = 15;
}
