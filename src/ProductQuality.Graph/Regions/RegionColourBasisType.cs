using ProductQuality.Graph.Rules.Regions;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Regions;

public sealed class RegionColourBasisType() : DescribedEnumType<RegionColourBasis>(
    "RegionColourBasis",
    "What a region colour (区域分色) is computed from.",
    new Dictionary<RegionColourBasis, string>
    {
        [RegionColourBasis.MapColourShares] = "Shares of enterprises whose map colour is red and yellow (红黄占比).",
        [RegionColourBasis.ClassCShare] = "Share of class C enterprises (C类企业占比), as in the published pilot.",
    });
