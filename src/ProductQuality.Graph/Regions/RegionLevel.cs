namespace ProductQuality.Graph.Regions;

/// <summary>Administrative level of a region (行政区划级别).</summary>
public enum RegionLevel
{
    City,
    County,
    Subdistrict,
    Town,
}
