using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Regions;

namespace ProductQuality.Graph.Regions;

/// <summary>
/// The regions of one map level with their shares, how many got each colour, and how the shares spread.
/// </summary>
public sealed record RegionColourShares(
    MapLevel Level, RegionColourThresholds Thresholds, IReadOnlyList<RegionShare> Regions)
{
    public int Count(FourColor colour) => Regions.Count(r => r.Assessment?.Colour == colour);

    public int NotAssessed => Regions.Count(r => !r.Assessed);

    public ShareSpread? RedYellowShare =>
        ShareSpread.Of(Regions.Where(r => r.Assessed).Select(r => r.RedYellowSharePercent));

    public ShareSpread? RedShare => ShareSpread.Of(Regions.Where(r => r.Assessed).Select(r => r.RedSharePercent));

    public ShareSpread? ClassCShare => ShareSpread.Of(Regions.Where(r => r.Assessed).Select(r => r.ClassCSharePercent));
}
