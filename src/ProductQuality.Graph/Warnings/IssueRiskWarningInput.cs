using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Warnings;

/// <summary>A risk warning bulletin (警情通报/质量预警) to issue.</summary>
public sealed class IssueRiskWarningInput : WriteInput
{
    public string? Number { get; init; }
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public DateOnly IssuedOn { get; init; }
    public WarningScope Scope { get; init; }
    public WarningSeverity Severity { get; init; }
    public string? ProductCode { get; init; }
    public string? RegionCode { get; init; }
}
