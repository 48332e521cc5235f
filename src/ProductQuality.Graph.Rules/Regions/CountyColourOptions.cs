using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Rules.Regions;

/// <summary>
/// One county's own region-colour settings (Rules:RegionColour:Counties:&lt;code&gt;): the seed has each county
/// bureau colour its towns 结合辖区实际 (as its jurisdiction warrants). A setting left out keeps the city's. They apply
/// to the county's towns; the county itself is coloured on the city's scale, so the city map compares like with like.
/// </summary>
public sealed class CountyColourOptions
{
    /// <summary>Which shares decide its towns' colours.</summary>
    public RegionColourBasis? Basis { get; set; }

    /// <summary>RED when the RED share r is at least this.</summary>
    [Range(0d, 100d)]
    public decimal? RedSharePercentForRed { get; set; }

    /// <summary>YELLOW when r + y is at least this.</summary>
    [Range(0d, 100d)]
    public decimal? RedYellowSharePercentForYellow { get; set; }

    /// <summary>BLUE when r + y is at least this.</summary>
    [Range(0d, 100d)]
    public decimal? RedYellowSharePercentForBlue { get; set; }

    /// <summary>Class-C basis: RED at this class-C share.</summary>
    [Range(0d, 100d)]
    public decimal? ClassCSharePercentForRed { get; set; }

    /// <summary>Class-C basis: YELLOW at this class-C share.</summary>
    [Range(0d, 100d)]
    public decimal? ClassCSharePercentForYellow { get; set; }

    /// <summary>Class-C basis: BLUE at this class-C share.</summary>
    [Range(0d, 100d)]
    public decimal? ClassCSharePercentForBlue { get; set; }

    /// <summary>Fewer key-product enterprises than this leave a town of the county not assessed (未评定).</summary>
    [Range(0, 1_000_000)]
    public int? MinEnterprisesForTown { get; set; }
}
