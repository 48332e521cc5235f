using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Enforcement;

/// <summary>A complaint found valid (有效投诉) to record.</summary>
public sealed class RecordValidComplaintInput : WriteInput
{
    public string? CreditCode { get; init; }
    public string? ProductCode { get; init; }
    public DateOnly FoundValidOn { get; init; }
    public string? Summary { get; init; }
}
