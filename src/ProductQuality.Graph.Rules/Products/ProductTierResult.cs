using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Products;

/// <summary>The grade of a product (产品分级).</summary>
/// <param name="Score">Risk score 0–100, one decimal.</param>
/// <param name="ComputedTier">The tier the score calls for.</param>
/// <param name="Tier">
/// The tier in force: the override's while it is active, else <paramref name="ComputedTier"/>.
/// </param>
/// <param name="Overridden">True when a regulator's override decided <paramref name="Tier"/>.</param>
/// <param name="Explanation">Score parts, thresholds and any override.</param>
public sealed record ProductTierResult(
    decimal Score,
    ProductTier ComputedTier,
    ProductTier Tier,
    bool Overridden,
    Explanation Explanation);
