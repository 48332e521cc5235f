namespace ProductQuality.Graph.Explorer.Map;

/// <summary>
/// The four-colour map page (configuration section <c>Map</c>). Real boundaries are not available offline, so the
/// page draws a schematic tile layout by county unless a boundary file is configured.
/// </summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>
    /// A GeoJSON FeatureCollection of county and/or town polygons (WGS 84 longitude/latitude), each feature carrying
    /// the region's statistical code in <see cref="CodeProperty"/>. Relative paths are taken from the server's
    /// content root. Empty: the schematic layout.
    /// </summary>
    public string BoundariesFile { get; set; } = "";

    /// <summary>The feature property holding the region code (e.g. <c>code</c>, <c>adcode</c>).</summary>
    public string CodeProperty { get; set; } = "code";
}
