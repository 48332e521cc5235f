using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Access;

/// <summary>
/// Fair use of one department (or the public): a cost budget per request, a request rate and how many requests may
/// run at once. Every value is
/// optional so an override names only what it changes; unset values fall back to <c>Access:Limits</c>, then to
/// the built-in defaults (<see cref="UsageLimitsPolicy"/>).
/// </summary>
public sealed class UsageLimits
{
    /// <summary>Largest estimated cost of one operation (rows, multiplied through nesting); QUERY_TOO_COMPLEX above.
    /// </summary>
    [SettingRange(1, int.MaxValue)]
    public int? MaxCost { get; set; }

    /// <summary>Requests accepted per window: per department, for the public per client address; then 429.</summary>
    [SettingRange(1, int.MaxValue)]
    public int? RequestsPerWindow { get; set; }

    /// <summary>Length of the rate-limit window in seconds.</summary>
    [SettingRange(1, 86_400)]
    public int? WindowSeconds { get; set; }

    /// <summary>
    /// Requests executing at once (per department; for the public per client address). The rate bounds requests
    /// a minute, not how many run together: without this, one department's burst of costly requests took every core.
    /// </summary>
    [SettingRange(1, 10_000)]
    public int? MaxConcurrentRequests { get; set; }

    /// <summary>Requests waiting, oldest first, for one of those places; beyond them 429 at once.</summary>
    [SettingRange(0, 100_000)]
    public int? MaxQueuedRequests { get; set; }
}
