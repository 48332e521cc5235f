using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Regions;

/// <summary>A town or county colour on the four-colour regional map (四色区域图), with the shares that decided it.</summary>
/// <param name="Colour">The region colour; null when not assessed (未评定): fewer enterprises than the minimum.</param>
/// <param name="Basis">The basis used.</param>
/// <param name="Enterprises">Key-product enterprises counted.</param>
/// <param name="RedSharePercent">r: share of RED enterprises, percent.</param>
/// <param name="RedYellowSharePercent">r + y, percent.</param>
/// <param name="ClassCSharePercent">Share of class-C enterprises, percent.</param>
/// <param name="Thresholds">The thresholds in force for the region.</param>
/// <param name="Explanation">Summary and factors.</param>
public sealed record RegionColourResult(
    FourColor? Colour,
    RegionColourBasis Basis,
    int Enterprises,
    decimal RedSharePercent,
    decimal RedYellowSharePercent,
    decimal ClassCSharePercent,
    RegionColourThresholds Thresholds,
    Explanation Explanation);
