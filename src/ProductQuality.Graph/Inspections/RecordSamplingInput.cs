using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Inspections;

/// <summary>A supervision sampling result (监督抽查结果) to record.</summary>
public sealed class RecordSamplingInput : WriteInput
{
    public string? CreditCode { get; init; }
    public string? ProductCode { get; init; }
    public string? Batch { get; init; }
    public string? SpecModel { get; init; }
    public SamplingLevel Level { get; init; }
    public string? Lab { get; init; }
    public string? ReportNumber { get; init; }
    public DateOnly SampledOn { get; init; }
    public bool Passed { get; init; }
    public List<FailedItemInput>? FailedItems { get; init; }
    public DateOnly? RectificationOrderedOn { get; init; }
}
