using ProductQuality.Graph.Rules.Common;
using static ProductQuality.Graph.Rules.Common.ExplanationBuilder;

namespace ProductQuality.Graph.Rules.Regions;

/// <summary>
/// Region colour from the shares of its key-product enterprises. Default basis: RED if r ≥ 15%,
/// YELLOW if r + y ≥ 30%, BLUE if r + y ≥ 10%, else GREEN. The class-C basis (published pilot)
/// applies its own thresholds to the class-C share. Shares are compared unrounded. A region with fewer
/// enterprises than the level's minimum is not assessed (未评定): no colour, and the explanation says why.
/// A county may set its towns' thresholds (<see cref="RegionColourOptions.Counties"/>).
/// </summary>
public sealed class RegionColourRule(RulesOptions options)
{
    /// <summary>The outcome recorded for a region below the minimum.</summary>
    public const string NotAssessed = "NOT_ASSESSED";

    private readonly RegionColourOptions o = options.RegionColour;

    /// <summary>The thresholds in force for a region of the level in the county (null for the city).</summary>
    public RegionColourThresholds ThresholdsFor(ColourLevel level, string? countyCode) => o.For(level, countyCode);

    /// <summary>Colours a region from its counts on the city's thresholds, with no minimum.</summary>
    public RegionColourResult Evaluate(RegionCounts counts) => Evaluate(counts, o.For(ColourLevel.City, null));

    /// <summary>Colours a region from its counts on the thresholds given.</summary>
    public RegionColourResult Evaluate(RegionCounts counts, RegionColourThresholds t)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(t);
        var x = new ExplanationBuilder(RuleIds.RegionColour, options.Version);
        var total = counts.Total;
        var r = total == 0 ? 0 : 100m * counts.Red / total;
        var ry = total == 0 ? 0 : 100m * (counts.Red + counts.Yellow) / total;
        var c = total == 0 ? 0 : 100m * counts.ClassC / total;
        if (total < t.MinEnterprises)
        {
            x.Factor(FactGroup.Regions, "key-product enterprises (重点产品企业)", Inv($"{total}"),
                Inv($"at least {t.MinEnterprises}"), "not assessed");
            x.Clause(Inv($"{total} key-product enterprises (重点产品企业) < minimum {t.MinEnterprises}{Whose(t)}"),
                FactGroup.Regions);
            return new(null, t.Basis, total, r, ry, c, t, x.Build(NotAssessed, "Region not assessed (未评定)"));
        }

        x.Factor(FactGroup.Regions, "key-product enterprises (重点产品企业)", Inv($"{total}"),
            t.MinEnterprises > 0 ? Inv($"at least {t.MinEnterprises}") : null, total == 0 ? "GREEN" : "denominator");
        if (total == 0)
        {
            return new(FourColor.Green, t.Basis, 0, 0, 0, 0, t,
                x.Clause("no key-product enterprises (无重点产品企业)", FactGroup.Regions)
                    .Build(FourColor.Green.Code(), $"Region colour {FourColor.Green.Label()}"));
        }

        FourColor colour;
        string because;
        if (t.Basis == RegionColourBasis.ClassCShare)
        {
            colour = c >= t.ClassCSharePercentForRed ? FourColor.Red
                : c >= t.ClassCSharePercentForYellow ? FourColor.Yellow
                : c >= t.ClassCSharePercentForBlue ? FourColor.Blue
                : FourColor.Green;
            because = Inv($"class-C share (C类企业占比) {Show(c)} ({counts.ClassC}/{total})");
            x.Factor(FactGroup.Regions, "class-C share (C类企业占比)", Show(c),
                Inv($"RED ≥ {Percent(t.ClassCSharePercentForRed)}, YELLOW ≥ {Percent(t.ClassCSharePercentForYellow)}, ")
                + Inv($"BLUE ≥ {Percent(t.ClassCSharePercentForBlue)}{Whose(t)}"), colour.Label());
        }
        else
        {
            colour = r >= t.RedSharePercentForRed ? FourColor.Red
                : ry >= t.RedYellowSharePercentForYellow ? FourColor.Yellow
                : ry >= t.RedYellowSharePercentForBlue ? FourColor.Blue
                : FourColor.Green;
            because = colour == FourColor.Red
                ? Inv($"red share r (红色占比) {Show(r)} ({counts.Red}/{total}) ≥ {Percent(t.RedSharePercentForRed)}")
                : Inv($"red share r (红色占比) {Show(r)} < {Percent(t.RedSharePercentForRed)}; ")
                    + Inv($"red + yellow share r + y (红黄占比) {Show(ry)} ({counts.Red + counts.Yellow}/{total})");
            x.Factor(FactGroup.Regions, "red share r (红色占比)", Show(r),
                Inv($"RED ≥ {Percent(t.RedSharePercentForRed)}{Whose(t)}"), colour == FourColor.Red ? "RED" : "below");
            x.Factor(FactGroup.Regions, "red + yellow share r + y (红黄占比)", Show(ry),
                Inv($"YELLOW ≥ {Percent(t.RedYellowSharePercentForYellow)}, ")
                + Inv($"BLUE ≥ {Percent(t.RedYellowSharePercentForBlue)}{Whose(t)}"),
                colour == FourColor.Red ? "not needed" : colour.Label());
        }

        return new(colour, t.Basis, total, r, ry, c, t,
            x.Clause(because, FactGroup.Regions).Build(colour.Code(), $"Region colour {colour.Label()}"));
    }

    private static string Show(decimal percent) => Percent(Math.Round(percent, 2));

    // Says whose thresholds these are when a county set its own, so an officer comparing towns sees why they differ.
    private static string Whose(RegionColourThresholds t) =>
        t.SetBy == "city" ? string.Empty : Inv($" (county {t.SetBy}'s own)");
}
