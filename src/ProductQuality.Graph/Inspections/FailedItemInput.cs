namespace ProductQuality.Graph.Inspections;

/// <summary>One failed test item of a sampling being recorded.</summary>
public sealed class FailedItemInput
{
    public string? Name { get; init; }
    public bool SafetyItem { get; init; }
}
