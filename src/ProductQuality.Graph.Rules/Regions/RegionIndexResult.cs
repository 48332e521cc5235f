using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Regions;

/// <summary>A town, county or city quality safety index (产品质量安全指数).</summary>
/// <param name="Index">
/// Tier-weighted mean of the enterprise indices, one decimal; null when the region has no key-product enterprise.
/// </param>
/// <param name="Enterprises">Enterprises counted.</param>
/// <param name="TotalWeight">Sum of their weights.</param>
/// <param name="Explanation">Weights and counts per tier.</param>
public sealed record RegionIndexResult(decimal? Index, int Enterprises, decimal TotalWeight, Explanation Explanation);
