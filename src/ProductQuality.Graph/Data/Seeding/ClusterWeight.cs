namespace ProductQuality.Graph.Data.Seeding;

/// <summary>How strongly a region (county or town) makes a product: a row of clusters.csv.</summary>
/// <param name="RegionCode">County (6 digits) or town (9 digits).</param>
/// <param name="ProductCode">The product.</param>
/// <param name="Weight">Relative weight, 1–100.</param>
public sealed record ClusterWeight(string RegionCode, string ProductCode, int Weight);
