namespace ProductQuality.Graph.Enterprises;

/// <summary>A product an enterprise makes (many-to-many between enterprises and catalogue products).</summary>
public sealed class EnterpriseProduct
{
    public int EnterpriseId { get; set; }
    public required string ProductCode { get; set; }
}
