namespace ProductQuality.Graph.Audit;

/// <summary>Counts of the logged requests under a filter.</summary>
public sealed record AccessSummary(int Total, IReadOnlyList<AccessCount> ByDepartment,
    IReadOnlyList<AccessCount> ByPurpose, IReadOnlyList<AccessCount> ByDay, IReadOnlyList<AccessCount> ByOutcome);
