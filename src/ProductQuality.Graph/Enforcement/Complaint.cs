namespace ProductQuality.Graph.Enforcement;

/// <summary>A consumer complaint (投诉) about an enterprise's products that was found valid.</summary>
public sealed class Complaint
{
    public long Id { get; set; }
    public int EnterpriseId { get; set; }
    public DateOnly FoundValidOn { get; set; }
    public required string Summary { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}
