namespace ProductQuality.Graph.Regions;

/// <summary>
/// A region of the GB/T 2260 tree: the city (330400), its seven counties (3304xx) and their towns and
/// sub-districts (9-digit statistical codes). Reference data: loaded from ReferenceData/regions.csv.
/// </summary>
public sealed class Region
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    public RegionLevel Level { get; set; }

    /// <summary>
    /// Parent region code; null only for the city (its parent, the province, is not part of the tree).
    /// </summary>
    public string? ParentCode { get; set; }

    /// <summary>
    /// The county a town belongs to (its own code for a county, null for the city); used for jurisdiction.
    /// </summary>
    public string? CountyCode { get; set; }
}
