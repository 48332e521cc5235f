using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Enforcement;

/// <summary>An enforcement decision (处罚决定) to record.</summary>
public sealed class RecordEnforcementDecisionInput : WriteInput
{
    public string? CreditCode { get; init; }
    public EnforcementKind Kind { get; init; }
    public string? DecisionNumber { get; init; }
    public DateOnly DecidedOn { get; init; }
    public decimal FineYuan { get; init; }
    public string? Summary { get; init; }
}
