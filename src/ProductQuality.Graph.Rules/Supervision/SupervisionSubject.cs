using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Supervision;

/// <summary>
/// What the supervision rule reads of an enterprise: its map colour, its class and its riskiest product.
/// </summary>
/// <param name="MapColour">The map colour (class × riskiest tier; RED when blacklisted).</param>
/// <param name="Class">The class in force.</param>
/// <param name="HighestTier">The riskiest tier among its products (GENERAL when it has none).</param>
public sealed record SupervisionSubject(FourColor MapColour, EnterpriseClass Class, ProductTier HighestTier);
