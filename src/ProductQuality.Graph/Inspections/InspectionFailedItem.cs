namespace ProductQuality.Graph.Inspections;

/// <summary>One failed test item (不合格项目) of a sampling, flagged when it is a safety item.</summary>
public sealed class InspectionFailedItem
{
    public long Id { get; set; }
    public long InspectionId { get; set; }
    public required string Name { get; set; }
    public bool IsSafetyItem { get; set; }
}
