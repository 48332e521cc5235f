using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>The enterprise's product-quality health code (健康码).</summary>
/// <param name="Colour">AA green, A blue, B yellow, C red.</param>
/// <param name="Explanation">Which class gave which colour.</param>
public sealed record HealthCodeResult(FourColor Colour, Explanation Explanation);
