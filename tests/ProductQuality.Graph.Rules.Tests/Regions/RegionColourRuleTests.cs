using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Regions;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Regions;

public class RegionColourRuleTests
{
    private readonly RegionColourRule rule = new(Options());

    // Totals of 1000 make every tenth of a percent one enterprise.
    [Theory]
    [InlineData(149, 0, FourColor.Blue, "14.9", "14.9")]
    [InlineData(150, 0, FourColor.Red, "15", "15")]
    [InlineData(151, 0, FourColor.Red, "15.1", "15.1")]
    [InlineData(100, 199, FourColor.Blue, "10", "29.9")]
    [InlineData(100, 200, FourColor.Yellow, "10", "30")]
    [InlineData(100, 201, FourColor.Yellow, "10", "30.1")]
    [InlineData(0, 99, FourColor.Green, "0", "9.9")]
    [InlineData(0, 100, FourColor.Blue, "0", "10")]
    [InlineData(0, 101, FourColor.Blue, "0", "10.1")]
    [InlineData(149, 500, FourColor.Yellow, "14.9", "64.9")]
    [InlineData(0, 0, FourColor.Green, "0", "0")]
    public void Map_colour_shares(int red, int yellow, FourColor expected, string r, string ry)
    {
        var result = rule.Evaluate(new RegionCounts(red, yellow, 1000 - red - yellow - 100, 100, ClassC: 999));
        Assert.Equal(expected, result.Colour);
        Assert.Equal(RegionColourBasis.MapColourShares, result.Basis);
        Assert.Equal(1000, result.Enterprises);
        Assert.Equal(decimal.Parse(r, System.Globalization.CultureInfo.InvariantCulture), result.RedSharePercent);
        Assert.Equal(
            decimal.Parse(ry, System.Globalization.CultureInfo.InvariantCulture), result.RedYellowSharePercent);
        Assert.Equal(expected.Code(), result.Explanation.Outcome);
    }

    [Fact]
    public void Summary_gives_the_deciding_share()
    {
        var result = rule.Evaluate(new RegionCounts(3, 1, 10, 6));
        Assert.Equal("Region colour RED (红色): red share r (红色占比) 15% (3/20) ≥ 15%", result.Explanation.Summary);
        Assert.Equal(RuleIds.RegionColour, result.Explanation.Rule);
    }

    [Fact]
    public void Empty_region_is_green()
    {
        var result = rule.Evaluate(new RegionCounts(0, 0, 0, 0));
        Assert.Equal((FourColor.Green, 0), (result.Colour, result.Enterprises));
        Assert.Equal("Region colour GREEN (绿色): no key-product enterprises (无重点产品企业)", result.Explanation.Summary);
    }

    [Theory]
    [InlineData(19, FourColor.Green)]
    [InlineData(20, FourColor.Blue)]
    [InlineData(49, FourColor.Blue)]
    [InlineData(50, FourColor.Yellow)]
    [InlineData(99, FourColor.Yellow)]
    [InlineData(100, FourColor.Red)]
    [InlineData(101, FourColor.Red)]
    public void Class_C_share_basis(int classC, FourColor expected)
    {
        var pilot = new RegionColourRule(Options(o => o.RegionColour.Basis = RegionColourBasis.ClassCShare));
        var result = pilot.Evaluate(new RegionCounts(500, 0, 0, 500, classC));
        Assert.Equal(expected, result.Colour);
        Assert.Equal(RegionColourBasis.ClassCShare, result.Basis);
        Assert.Equal(classC / 10m, result.ClassCSharePercent);
        Assert.Contains("class-C share (C类企业占比)", result.Explanation.Summary, StringComparison.Ordinal);
    }
}
