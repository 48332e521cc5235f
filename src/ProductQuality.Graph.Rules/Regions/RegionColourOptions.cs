using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Rules.Regions;

/// <summary>Thresholds (percent of the region's key-product enterprises) of the region colour (四色区域图).</summary>
public sealed class RegionColourOptions
{
    /// <summary>Which shares decide the colour.</summary>
    public RegionColourBasis Basis { get; set; } = RegionColourBasis.MapColourShares;

    /// <summary>RED when the RED share r is at least this.</summary>
    [Range(0, 100)]
    public decimal RedSharePercentForRed { get; set; } = 15;

    /// <summary>YELLOW when r + y is at least this.</summary>
    [Range(0, 100)]
    public decimal RedYellowSharePercentForYellow { get; set; } = 30;

    /// <summary>BLUE when r + y is at least this; otherwise GREEN.</summary>
    [Range(0, 100)]
    public decimal RedYellowSharePercentForBlue { get; set; } = 10;

    /// <summary>Class-C basis: RED when the class-C share is at least this.</summary>
    [Range(0, 100)]
    public decimal ClassCSharePercentForRed { get; set; } = 10;

    /// <summary>Class-C basis: YELLOW when the class-C share is at least this.</summary>
    [Range(0, 100)]
    public decimal ClassCSharePercentForYellow { get; set; } = 5;

    /// <summary>Class-C basis: BLUE when the class-C share is at least this; otherwise GREEN.</summary>
    [Range(0, 100)]
    public decimal ClassCSharePercentForBlue { get; set; } = 2;

    internal IEnumerable<string> OrderingErrors()
    {
        if (RedYellowSharePercentForBlue > RedYellowSharePercentForYellow)
        {
            yield return "Rules:RegionColour: RedYellowSharePercentForBlue must not exceed RedYellowSharePercentForYellow.";
        }

        if (ClassCSharePercentForBlue > ClassCSharePercentForYellow || ClassCSharePercentForYellow > ClassCSharePercentForRed)
        {
            yield return "Rules:RegionColour: class-C thresholds must rise from Blue to Yellow to Red.";
        }
    }
}
