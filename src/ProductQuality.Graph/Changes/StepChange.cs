namespace ProductQuality.Graph.Changes;

/// <summary>A change to report: from <see cref="From"/> on the value is <see cref="New"/> (before it,
/// <see cref="Old"/>).</summary>
internal sealed record StepChange(
    DateOnly From, string? Old, string New, DateOnly? ValidUntil, string Reason, bool Correction);
