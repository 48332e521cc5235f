namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Everything the regulator has recorded about one enterprise, in date order: the input of a replay.
/// The data set generator builds it from its drafts, the re-evaluator from the database, so seeded and
/// live data go through the same replay.
/// </summary>
/// <param name="ActiveFrom">First day of its supervised history (the first management record).</param>
/// <param name="ProductCodes">The key products it makes.</param>
public sealed record EnterpriseFactSet(
    DateOnly ActiveFrom,
    IReadOnlyList<string> ProductCodes,
    IReadOnlyList<ManagementFact> Management,
    IReadOnlyList<SamplingFact> Samplings,
    IReadOnlyList<DecisionFact> Decisions,
    IReadOnlyList<DateOnly> Complaints,
    IReadOnlyList<ClassOverrideFact> ClassOverrides,
    IReadOnlyList<BlacklistDecisionFact> BlacklistDecisions);
