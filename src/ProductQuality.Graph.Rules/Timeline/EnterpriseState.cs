using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>
/// An enterprise's assessed state on one day — what the enterprise row caches for today and what <c>asOf</c> restores
/// for a past day. Two states are equal when every value is.
/// </summary>
public sealed record EnterpriseState(
    Traceability Traceability,
    QualitySystem QualitySystem,
    EnterpriseClass Class,
    DateOnly ClassEffectiveFrom,
    FourColor HealthCode,
    FourColor MapColour,
    double QualityIndex,
    ProductTier HighestTier,
    bool IsBlacklisted,
    DateOnly? BlacklistedSince,
    bool IsAssured,
    DateOnly? AssuredUntil);
