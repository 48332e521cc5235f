namespace ProductQuality.Graph.Data.Seeding;

/// <summary>A typical failing test item (不合格项目) of a product; safety items are marked `!` in products.csv.</summary>
/// <param name="Name">The test item, without the marker.</param>
/// <param name="IsSafetyItem">True for a safety item (安全项目).</param>
public sealed record FailureItem(string Name, bool IsSafetyItem);
