using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Products;

/// <summary>The grade of a product (产品分级).</summary>
/// <param name="Score">
/// Risk score 0–100 as shown: the sum of the parts rounded down to one decimal
/// (<see cref="ProductTierRule.ShownScore"/>).
/// </param>
/// <param name="ComputedTier">The tier the exact sum calls for (not <paramref name="Score"/>, rounded down).</param>
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
