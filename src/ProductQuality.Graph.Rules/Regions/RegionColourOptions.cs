using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Rules.Regions;

/// <summary>Thresholds (percent of the region's key-product enterprises) of the region colour (四色区域图).</summary>
public sealed class RegionColourOptions
{
    /// <summary>Which shares decide the colour.</summary>
    public RegionColourBasis Basis { get; set; } = RegionColourBasis.MapColourShares;

    /// <summary>RED when the RED share r is at least this.</summary>
    [Range(0d, 100d)]
    public decimal RedSharePercentForRed { get; set; } = 15;

    /// <summary>YELLOW when r + y is at least this.</summary>
    [Range(0d, 100d)]
    public decimal RedYellowSharePercentForYellow { get; set; } = 30;

    /// <summary>BLUE when r + y is at least this; otherwise GREEN.</summary>
    [Range(0d, 100d)]
    public decimal RedYellowSharePercentForBlue { get; set; } = 10;

    /// <summary>Class-C basis: RED when the class-C share is at least this.</summary>
    [Range(0d, 100d)]
    public decimal ClassCSharePercentForRed { get; set; } = 10;

    /// <summary>Class-C basis: YELLOW when the class-C share is at least this.</summary>
    [Range(0d, 100d)]
    public decimal ClassCSharePercentForYellow { get; set; } = 5;

    /// <summary>Class-C basis: BLUE when the class-C share is at least this; otherwise GREEN.</summary>
    [Range(0d, 100d)]
    public decimal ClassCSharePercentForBlue { get; set; } = 2;

    /// <summary>
    /// A town with fewer key-product enterprises than this is not assessed (未评定). By default every town with one is
    /// coloured, as the guidance has each county bureau mark each town (确定各镇(街道)…风险等级，以红、黄、蓝、绿色标注):
    /// a town of four makers, three of them red, is a red town, not a blank on the map. A bureau that finds a share of
    /// two or three enterprises says more about chance than about the town may set a minimum. 0 colours every town (an
    /// empty one GREEN).
    /// </summary>
    [Range(0, 1_000_000)]
    public int MinEnterprisesForTown { get; set; } = 1;

    /// <summary>A county with fewer key-product enterprises than this is not assessed (未评定).</summary>
    [Range(0, 1_000_000)]
    public int MinEnterprisesForCounty { get; set; } = 20;

    /// <summary>
    /// Counties' own settings for their towns, by county code (3304xx); what a county leaves out is the city's.
    /// </summary>
    public Dictionary<string, CountyColourOptions> Counties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The thresholds in force for a region of the level, in the county (null for the city).</summary>
    public RegionColourThresholds For(ColourLevel level, string? countyCode)
    {
        var own = level == ColourLevel.Town && countyCode is not null ? Counties.GetValueOrDefault(countyCode) : null;
        var min = level switch
        {
            ColourLevel.Town => own?.MinEnterprisesForTown ?? MinEnterprisesForTown,
            ColourLevel.County => MinEnterprisesForCounty,
            _ => 0,
        };
        return new RegionColourThresholds(
            own?.Basis ?? Basis,
            own?.RedSharePercentForRed ?? RedSharePercentForRed,
            own?.RedYellowSharePercentForYellow ?? RedYellowSharePercentForYellow,
            own?.RedYellowSharePercentForBlue ?? RedYellowSharePercentForBlue,
            own?.ClassCSharePercentForRed ?? ClassCSharePercentForRed,
            own?.ClassCSharePercentForYellow ?? ClassCSharePercentForYellow,
            own?.ClassCSharePercentForBlue ?? ClassCSharePercentForBlue,
            min,
            own is null ? "city" : countyCode!);
    }

    internal IEnumerable<string> OrderingErrors()
    {
        foreach (var error in For(ColourLevel.City, null).OrderingErrors("Rules:RegionColour"))
        {
            yield return error;
        }

        foreach (var (code, county) in Counties)
        {
            var where = $"Rules:RegionColour:Counties:{code}";
            if (!JiaxingCounties.IsCounty(code))
            {
                yield return $"{where}: '{code}' is not a county of Jiaxing: {JiaxingCounties.Described}.";
            }

            var results = new List<ValidationResult>();
            Validator.TryValidateObject(county, new ValidationContext(county), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return $"{where}: {result.ErrorMessage}";
            }

            foreach (var error in For(ColourLevel.Town, code).OrderingErrors(where))
            {
                yield return error;
            }
        }
    }
}
