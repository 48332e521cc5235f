namespace ProductQuality.Graph.Rules.Regions;

/// <summary>
/// Which level of the region tree a colour is for: the minimum number of enterprises differs by level.
/// </summary>
public enum ColourLevel
{
    /// <summary>The city: always coloured (it is the whole of the data).</summary>
    City = 0,

    /// <summary>A county-level division (县(市、区)).</summary>
    County = 1,

    /// <summary>A town or sub-district (镇/街道).</summary>
    Town = 2,
}
