using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Regions;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Regions;

/// <summary>
/// Region colours as the bureau sets them: a minimum number of enterprises per level (below it: not assessed),
/// and a county's own thresholds for its towns, at, below and above each threshold.
/// </summary>
public class RegionColourByCountyTests
{
    private static readonly RulesOptions Defaults = Options();

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    public void By_default_every_town_with_an_enterprise_is_coloured(int enterprises, bool assessed)
    {
        var rule = new RegionColourRule(Defaults);
        var result = rule.Evaluate(
            new RegionCounts(0, 0, 0, enterprises), rule.ThresholdsFor(ColourLevel.Town, "330481"));
        Assert.Equal(assessed, result.Colour is not null);
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(6, true)]
    public void A_town_needs_the_minimum_number_of_enterprises_a_bureau_sets(int enterprises, bool assessed)
    {
        var rule = new RegionColourRule(Options(o => o.RegionColour.MinEnterprisesForTown = 5));
        var result = rule.Evaluate(
            new RegionCounts(0, 0, 0, enterprises), rule.ThresholdsFor(ColourLevel.Town, "330481"));
        Assert.Equal(assessed, result.Colour is not null);
        Assert.Equal(!assessed, result.Explanation.Outcome == RegionColourRule.NotAssessed);
        if (!assessed)
        {
            Assert.Equal($"Region not assessed (未评定): {enterprises} key-product enterprises (重点产品企业) < minimum 5",
                result.Explanation.Summary);
        }
    }

    [Theory]
    [InlineData(19, false)]
    [InlineData(20, true)]
    [InlineData(21, true)]
    public void A_county_needs_its_own_minimum(int enterprises, bool assessed)
    {
        var rule = new RegionColourRule(Defaults);
        var result = rule.Evaluate(
            new RegionCounts(0, 0, 0, enterprises), rule.ThresholdsFor(ColourLevel.County, "330481"));
        Assert.Equal(assessed, result.Colour is not null);
    }

    [Fact]
    public void The_city_is_always_coloured_and_a_zero_minimum_keeps_an_empty_town_green()
    {
        var rule = new RegionColourRule(Defaults);
        Assert.Equal(FourColor.Green,
            rule.Evaluate(new RegionCounts(0, 0, 0, 1), rule.ThresholdsFor(ColourLevel.City, null)).Colour);
        var none = new RegionColourRule(Options(o => o.RegionColour.MinEnterprisesForTown = 0));
        Assert.Equal(FourColor.Green,
            none.Evaluate(new RegionCounts(0, 0, 0, 0), none.ThresholdsFor(ColourLevel.Town, "330481")).Colour);
    }

    // A county that tolerates more: YELLOW from r + y ≥ 40% in its towns. Totals of 100: a percent is an enterprise.
    [Theory]
    [InlineData("330481", 39, FourColor.Blue)]
    [InlineData("330481", 40, FourColor.Yellow)]
    [InlineData("330481", 41, FourColor.Yellow)]
    [InlineData("330402", 29, FourColor.Blue)] // other counties keep the city's 30%
    [InlineData("330402", 30, FourColor.Yellow)]
    [InlineData("330402", 31, FourColor.Yellow)]
    public void A_county_sets_its_towns_thresholds(string county, int yellow, FourColor colour)
    {
        var rule = new RegionColourRule(Options(o => o.RegionColour.Counties["330481"] = new CountyColourOptions
        {
            RedYellowSharePercentForYellow = 40,
        }));
        var counts = new RegionCounts(0, yellow, 100 - yellow, 0);
        var result = rule.Evaluate(counts, rule.ThresholdsFor(ColourLevel.Town, county));
        Assert.Equal(colour, result.Colour);
        Assert.Equal(county == "330481", result.Explanation.Factors.Any(
            f => f.Threshold?.Contains("county 330481's own", StringComparison.Ordinal) == true));
        // The county itself stays on the city's scale.
        Assert.Equal("city", rule.ThresholdsFor(ColourLevel.County, "330481").SetBy);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void A_county_sets_its_towns_minimum(int enterprises, bool assessed)
    {
        var rule = new RegionColourRule(Options(o =>
            o.RegionColour.Counties["330481"] = new CountyColourOptions { MinEnterprisesForTown = 3 }));
        Assert.Equal(assessed, rule.Evaluate(
            new RegionCounts(0, 0, 0, enterprises), rule.ThresholdsFor(ColourLevel.Town, "330481")).Colour is not null);
    }

    [Fact]
    public void County_settings_are_checked()
    {
        var errors = Options(o =>
        {
            o.RegionColour.Counties["330400"] = new CountyColourOptions();
            o.RegionColour.Counties["330481"] = new CountyColourOptions { RedYellowSharePercentForBlue = 50 };
            o.RegionColour.Counties["330482"] = new CountyColourOptions { RedSharePercentForRed = 101 };
        }).Validate();
        Assert.Contains(errors,
            e => e.Contains("Counties:330400: '330400' is not a county of Jiaxing", StringComparison.Ordinal));
        Assert.Contains(errors,
            e => e.Contains("Counties:330481: RedYellowSharePercentForBlue must not exceed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Counties:330482", StringComparison.Ordinal));
    }
}
