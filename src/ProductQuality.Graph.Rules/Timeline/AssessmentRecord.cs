using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>
/// An enterprise's class, colours and index from a date on: the replay emits one whenever an outcome changes. Plain
/// values and explanation objects; the host turns it into a row and stamps when it was recorded.
/// </summary>
/// <param name="Reason">What happened that day, one part per fact, each tagged with the group it states.</param>
/// <param name="ClassExplanations">Class conditions, upgrade/downgrade, health code, map colour, in order.</param>
public sealed record AssessmentRecord(
    DateOnly EffectiveFrom,
    EnterpriseClass Class,
    FourColor HealthCode,
    FourColor MapColour,
    int QualityIndex,
    IReadOnlyList<SummaryClause> Reason,
    bool IsOverride,
    DateOnly? OverrideExpiresOn,
    IReadOnlyList<Explanation> ClassExplanations,
    Explanation IndexExplanation,
    string RulesVersion);
