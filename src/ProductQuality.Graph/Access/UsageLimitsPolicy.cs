using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Access;

/// <summary>
/// Resolves each audience's fair-use limits once at start: a department's own <c>Limits</c>, else
/// <c>Access:Limits</c>, else <see cref="DepartmentDefaults"/>; the public has its own, stricter, defaults.
/// </summary>
public sealed class UsageLimitsPolicy
{
    /// <summary>
    /// Partner departments: a 500-row page with a few nested lists each, 600 requests a minute, 4 running at once
    /// (two cores' worth of the costliest requests with room to spare; a batch system's further requests wait).
    /// </summary>
    public static readonly EffectiveLimits DepartmentDefaults = new(50_000, 600, TimeSpan.FromMinutes(1), 4, 64);

    /// <summary>The public reads the published lists only: a tenth of the budget, 60 a minute and 2 at once per
    /// address.</summary>
    public static readonly EffectiveLimits PublicDefaults = new(5_000, 60, TimeSpan.FromMinutes(1), 2, 8);

    private readonly Dictionary<string, EffectiveLimits> _departments;

    public UsageLimitsPolicy(IOptions<AccessOptions> options)
    {
        var value = options.Value;
        var fallback = Apply(value.Limits, DepartmentDefaults);
        _departments = value.Departments.ToDictionary(
            d => d.Key, d => Apply(d.Value.Limits, fallback), StringComparer.Ordinal);
        Public = Apply(value.Public.Limits, PublicDefaults);
    }

    public EffectiveLimits Public { get; }

    public EffectiveLimits For(Audience audience) =>
        audience.Department is { } id && _departments.TryGetValue(id, out var limits) ? limits : Public;

    private static EffectiveLimits Apply(UsageLimits? limits, EffectiveLimits fallback) => limits is null
        ? fallback
        : new EffectiveLimits(
            limits.MaxCost ?? fallback.MaxCost,
            limits.RequestsPerWindow ?? fallback.RequestsPerWindow,
            limits.WindowSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : fallback.Window,
            limits.MaxConcurrentRequests ?? fallback.MaxConcurrentRequests,
            limits.MaxQueuedRequests ?? fallback.MaxQueuedRequests);
}
