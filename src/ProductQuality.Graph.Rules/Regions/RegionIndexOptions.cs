using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Rules.Regions;

/// <summary>
/// Weights of an enterprise's index in its town, county or city index, by the highest tier
/// of its products: riskier producers should move the regional figure more.
/// </summary>
public sealed class RegionIndexOptions
{
    /// <summary>Weight of an enterprise whose highest product tier is HIGH.</summary>
    [Range(0d, 100d)]
    public decimal HighWeight { get; set; } = 3;

    /// <summary>Weight for ELEVATED.</summary>
    [Range(0d, 100d)]
    public decimal ElevatedWeight { get; set; } = 2;

    /// <summary>Weight for GENERAL (and for an enterprise without products).</summary>
    [Range(0d, 100d)]
    public decimal GeneralWeight { get; set; } = 1;
}
