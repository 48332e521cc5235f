using ProductQuality.Graph.Enforcement;

namespace ProductQuality.Graph.Assessment;

/// <summary>An enforcement decision (处罚决定) with its number.</summary>
public sealed record DecisionFact(DateOnly Date, EnforcementKind Kind, string Number);
