using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Enterprises;

namespace ProductQuality.Graph.Rules.Assessment;

/// <summary>Everything <see cref="EnterpriseEvaluator"/> needs to assess one enterprise in one call.</summary>
public sealed record EnterpriseAssessmentInput
{
    /// <summary>
    /// The facts of the class and index rules; <see cref="EnterpriseFacts.AsOf"/> is the assessment date.
    /// </summary>
    public required EnterpriseFacts Facts { get; init; }

    /// <summary>Tiers in force of the enterprise's products; empty counts as GENERAL.</summary>
    public IReadOnlyList<ProductTier> ProductTiers { get; init; } = [];

    /// <summary>The class in force before, or null on the first assessment.</summary>
    public ClassState? PreviousClass { get; init; }

    /// <summary>A manual class override (人工调整), if any.</summary>
    public Override<EnterpriseClass>? ClassOverride { get; init; }

    /// <summary>Effective-class history before this assessment, for the assured-consumption run of class A.</summary>
    public IReadOnlyList<ClassChange> ClassHistory { get; init; } = [];

    /// <summary>The latest assured consumption grant, if any.</summary>
    public AssuredGrant? AssuredGrant { get; init; }

    /// <summary>The last inspection, or null if never inspected.</summary>
    public DateOnly? LastInspectedOn { get; init; }
}
