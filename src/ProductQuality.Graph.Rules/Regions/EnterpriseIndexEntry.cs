using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Regions;

/// <summary>One enterprise's contribution to a regional index.</summary>
/// <param name="Index">The enterprise's quality safety index, 0–100.</param>
/// <param name="HighestTier">The riskiest tier among its products (GENERAL when none).</param>
public sealed record EnterpriseIndexEntry(decimal Index, ProductTier HighestTier);
