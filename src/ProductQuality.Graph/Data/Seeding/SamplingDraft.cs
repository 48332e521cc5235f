using ProductQuality.Graph.Inspections;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>A generated supervision sampling before it gets its report number and strings.</summary>
internal sealed record SamplingDraft(
    DateOnly Date,
    string ProductCode,
    SamplingLevel Level,
    bool Passed,
    IReadOnlyList<FailureItem> FailedItems,
    DateOnly? RectificationOrderedOn,
    bool IsFollowUp)
{
    public bool SafetyItemFailed => FailedItems.Any(i => i.IsSafetyItem);
}
