using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Enterprises;

/// <summary>A traceability and quality-system status to record.</summary>
public sealed class RecordManagementStatusInput : WriteInput
{
    public string? CreditCode { get; init; }
    public Traceability Traceability { get; init; }
    public QualitySystem QualitySystem { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    public string? Note { get; init; }
}
