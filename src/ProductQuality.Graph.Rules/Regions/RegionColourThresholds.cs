namespace ProductQuality.Graph.Rules.Regions;

/// <summary>
/// The thresholds in force for one region's colour, after a county's own settings override the city's.
/// </summary>
/// <param name="Basis">Which shares decide.</param>
/// <param name="RedSharePercentForRed">RED when r is at least this.</param>
/// <param name="RedYellowSharePercentForYellow">YELLOW when r + y is at least this.</param>
/// <param name="RedYellowSharePercentForBlue">BLUE when r + y is at least this.</param>
/// <param name="ClassCSharePercentForRed">Class-C basis: RED.</param>
/// <param name="ClassCSharePercentForYellow">Class-C basis: YELLOW.</param>
/// <param name="ClassCSharePercentForBlue">Class-C basis: BLUE.</param>
/// <param name="MinEnterprises">Below this many key-product enterprises the region is not assessed.</param>
/// <param name="SetBy">Whose settings: the city's, or a county's code when the county set any of them.</param>
public sealed record RegionColourThresholds(
    RegionColourBasis Basis,
    decimal RedSharePercentForRed,
    decimal RedYellowSharePercentForYellow,
    decimal RedYellowSharePercentForBlue,
    decimal ClassCSharePercentForRed,
    decimal ClassCSharePercentForYellow,
    decimal ClassCSharePercentForBlue,
    int MinEnterprises,
    string SetBy)
{
    /// <summary>The thresholds must rise from BLUE to RED (r + y for YELLOW at least r + y for BLUE, …).</summary>
    public IEnumerable<string> OrderingErrors(string where)
    {
        if (RedYellowSharePercentForBlue > RedYellowSharePercentForYellow)
        {
            yield return $"{where}: RedYellowSharePercentForBlue must not exceed RedYellowSharePercentForYellow.";
        }

        if (ClassCSharePercentForBlue > ClassCSharePercentForYellow
            || ClassCSharePercentForYellow > ClassCSharePercentForRed)
        {
            yield return $"{where}: class-C thresholds must rise from Blue to Yellow to Red.";
        }
    }
}
