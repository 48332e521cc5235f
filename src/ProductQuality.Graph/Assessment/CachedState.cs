using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Assessment;

/// <summary>The cached current columns of an enterprise row, to tell whether a re-evaluation changed them.</summary>
internal sealed record CachedState(
    Traceability Traceability, QualitySystem QualitySystem, EnterpriseClass Class, DateOnly ClassEffectiveFrom, FourColor HealthCode,
    FourColor MapColour, double QualityIndex, ProductTier HighestTier, bool IsBlacklisted, DateOnly? BlacklistedSince, bool IsAssured, DateOnly? AssuredUntil)
{
    public static CachedState Of(Enterprise e) => new(e.Traceability, e.QualitySystem, e.Class, e.ClassEffectiveFrom, e.HealthCode, e.MapColour,
        e.QualityIndex, e.HighestTier, e.IsBlacklisted, e.BlacklistedSince, e.IsAssured, e.AssuredUntil);
}
