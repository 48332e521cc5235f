namespace ProductQuality.Graph.Products;

/// <summary>One of the 13 major categories (大类) of the key industrial product catalogue.</summary>
public sealed class ProductCategory
{
    public required string Code { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }

    /// <summary>True when the name is confirmed from a published catalogue edition; false when ours.</summary>
    public bool NameConfirmed { get; set; }
}
