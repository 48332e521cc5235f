using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>The colour of the enterprise's point on the four-colour vector map (四色矢量图).</summary>
/// <param name="Colour">The colour.</param>
/// <param name="HighestTier">The riskiest tier among its products (GENERAL when it has none).</param>
/// <param name="Explanation">Class, tier and table cell.</param>
public sealed record MapColourResult(FourColor Colour, ProductTier HighestTier, Explanation Explanation);
