using ProductQuality.Graph.Rules.Regions;

namespace ProductQuality.Graph.Regions;

/// <summary>
/// One region's shares and colour (its assessment in force; null before the first) and the thresholds now set for
/// it.
/// </summary>
public sealed record RegionShare(Region Region, RegionAssessment? Assessment, RegionColourThresholds Thresholds)
{
    public int Enterprises => Assessment?.EnterpriseCount ?? 0;

    public bool Assessed => Assessment?.Colour is not null;

    public double RedSharePercent => Percent(Assessment?.RedCount ?? 0);

    public double RedYellowSharePercent => Percent((Assessment?.RedCount ?? 0) + (Assessment?.YellowCount ?? 0));

    public double ClassCSharePercent => Percent(Assessment?.ClassCCount ?? 0);

    private double Percent(int part) => Enterprises == 0 ? 0 : Math.Round(100.0 * part / Enterprises, 2);
}
