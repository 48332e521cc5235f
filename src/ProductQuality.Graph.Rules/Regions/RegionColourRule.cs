using ProductQuality.Graph.Rules.Common;
using static ProductQuality.Graph.Rules.Common.ExplanationBuilder;

namespace ProductQuality.Graph.Rules.Regions;

/// <summary>
/// Region colour from the shares of its key-product enterprises. Default basis: RED if r ≥ 15%,
/// YELLOW if r + y ≥ 30%, BLUE if r + y ≥ 10%, else GREEN. The class-C basis (published pilot)
/// applies its own thresholds to the class-C share. Shares are compared unrounded.
/// </summary>
public sealed class RegionColourRule(RulesOptions options)
{
    private readonly RegionColourOptions o = options.RegionColour;

    /// <summary>Colours a region from its counts.</summary>
    public RegionColourResult Evaluate(RegionCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var x = new ExplanationBuilder(RuleIds.RegionColour, options.Version);
        var total = counts.Total;
        x.Factor(FactGroup.Regions, "key-product enterprises (重点产品企业)", Inv($"{total}"), null, total == 0 ? "GREEN" : "denominator");
        if (total == 0)
        {
            return new(FourColor.Green, o.Basis, 0, 0, 0, 0,
                x.Clause("no key-product enterprises (无重点产品企业)", FactGroup.Regions).Build(FourColor.Green.Code(), $"Region colour {FourColor.Green.Label()}"));
        }

        var r = 100m * counts.Red / total;
        var ry = 100m * (counts.Red + counts.Yellow) / total;
        var c = 100m * counts.ClassC / total;
        FourColor colour;
        string because;
        if (o.Basis == RegionColourBasis.ClassCShare)
        {
            colour = c >= o.ClassCSharePercentForRed ? FourColor.Red
                : c >= o.ClassCSharePercentForYellow ? FourColor.Yellow
                : c >= o.ClassCSharePercentForBlue ? FourColor.Blue
                : FourColor.Green;
            because = Inv($"class-C share (C类企业占比) {Show(c)} ({counts.ClassC}/{total})");
            x.Factor(FactGroup.Regions, "class-C share (C类企业占比)", Show(c),
                Inv($"RED ≥ {Percent(o.ClassCSharePercentForRed)}, YELLOW ≥ {Percent(o.ClassCSharePercentForYellow)}, BLUE ≥ {Percent(o.ClassCSharePercentForBlue)}"), colour.Label());
        }
        else
        {
            colour = r >= o.RedSharePercentForRed ? FourColor.Red
                : ry >= o.RedYellowSharePercentForYellow ? FourColor.Yellow
                : ry >= o.RedYellowSharePercentForBlue ? FourColor.Blue
                : FourColor.Green;
            because = colour == FourColor.Red
                ? Inv($"red share r (红色占比) {Show(r)} ({counts.Red}/{total}) ≥ {Percent(o.RedSharePercentForRed)}")
                : Inv($"red share r (红色占比) {Show(r)} < {Percent(o.RedSharePercentForRed)}; red + yellow share r + y (红黄占比) {Show(ry)} ({counts.Red + counts.Yellow}/{total})");
            x.Factor(FactGroup.Regions, "red share r (红色占比)", Show(r), Inv($"RED ≥ {Percent(o.RedSharePercentForRed)}"), colour == FourColor.Red ? "RED" : "below");
            x.Factor(FactGroup.Regions, "red + yellow share r + y (红黄占比)", Show(ry),
                Inv($"YELLOW ≥ {Percent(o.RedYellowSharePercentForYellow)}, BLUE ≥ {Percent(o.RedYellowSharePercentForBlue)}"), colour == FourColor.Red ? "not needed" : colour.Label());
        }

        return new(colour, o.Basis, total, r, ry, c, x.Clause(because, FactGroup.Regions).Build(colour.Code(), $"Region colour {colour.Label()}"));
    }

    private static string Show(decimal percent) => Percent(Math.Round(percent, 2));
}
