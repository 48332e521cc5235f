namespace ProductQuality.Graph.Enforcement;

/// <summary>A consumer complaint (投诉) about an enterprise's products that was found valid.</summary>
public sealed class Complaint
{
    public long Id { get; set; }
    public int EnterpriseId { get; set; }
    public DateOnly FoundValidOn { get; set; }

    /// <summary>
    /// The product complained about; feeds the product's risk tier. Null only for complaints recorded before products
    /// were tracked.
    /// </summary>
    public string? ProductCode { get; set; }
    public required string Summary { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>Who recorded it: "department/subject" of the writer's token; null for the generated data set.</summary>
    public string? RecordedBy { get; set; }
}
