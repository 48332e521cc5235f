namespace ProductQuality.Graph.Rules.Regions;

/// <summary>What a town or county colour is computed from.</summary>
public enum RegionColourBasis
{
    /// <summary>Shares of enterprises whose map colour is RED and YELLOW (the default rule).</summary>
    MapColourShares = 0,

    /// <summary>Share of class-C enterprises, as in the published Jiaxing pilot.</summary>
    ClassCShare = 1,
}
