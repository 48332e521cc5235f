using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Enterprises;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Enterprises;

public class HealthCodeAndMapColourTests
{
    [Theory]
    [InlineData(EnterpriseClass.AA, FourColor.Green)]
    [InlineData(EnterpriseClass.A, FourColor.Blue)]
    [InlineData(EnterpriseClass.B, FourColor.Yellow)]
    [InlineData(EnterpriseClass.C, FourColor.Red)]
    public void Health_code_is_the_class_as_a_colour(EnterpriseClass value, FourColor colour)
    {
        var r = new HealthCodeRule(Options()).Evaluate(value);
        Assert.Equal(colour, r.Colour);
        Assert.Equal(colour.Code(), r.Explanation.Outcome);
        Assert.Equal(RuleIds.HealthCode, r.Explanation.Rule);
        Assert.Equal($"Health code (健康码) {colour.Label()}: {value.Label()}", r.Explanation.Summary);
    }

    [Theory]
    [InlineData(EnterpriseClass.AA, ProductTier.High, FourColor.Blue)]
    [InlineData(EnterpriseClass.AA, ProductTier.Elevated, FourColor.Green)]
    [InlineData(EnterpriseClass.AA, ProductTier.General, FourColor.Green)]
    [InlineData(EnterpriseClass.A, ProductTier.High, FourColor.Yellow)]
    [InlineData(EnterpriseClass.A, ProductTier.Elevated, FourColor.Blue)]
    [InlineData(EnterpriseClass.A, ProductTier.General, FourColor.Green)]
    [InlineData(EnterpriseClass.B, ProductTier.High, FourColor.Red)]
    [InlineData(EnterpriseClass.B, ProductTier.Elevated, FourColor.Yellow)]
    [InlineData(EnterpriseClass.B, ProductTier.General, FourColor.Blue)]
    [InlineData(EnterpriseClass.C, ProductTier.High, FourColor.Red)]
    [InlineData(EnterpriseClass.C, ProductTier.Elevated, FourColor.Red)]
    [InlineData(EnterpriseClass.C, ProductTier.General, FourColor.Yellow)]
    public void Map_colour_table(EnterpriseClass value, ProductTier tier, FourColor colour)
    {
        var r = new MapColourRule(Options()).Evaluate(value, [ProductTier.General, tier], blacklisted: false);
        Assert.Equal(colour, r.Colour);
        Assert.Equal(tier, r.HighestTier);
        Assert.Equal(colour, MapColourRule.ColourOf(value, tier));
        Assert.Equal($"Map colour {colour.Label()}: {value.Label()} × highest product tier {tier.Label()}",
            r.Explanation.Summary);
    }

    [Theory]
    [InlineData(EnterpriseClass.AA, FourColor.Green)]
    [InlineData(EnterpriseClass.B, FourColor.Blue)]
    [InlineData(EnterpriseClass.C, FourColor.Yellow)]
    public void No_products_counts_as_general(EnterpriseClass value, FourColor colour)
    {
        var r = new MapColourRule(Options()).Evaluate(value, [], blacklisted: false);
        Assert.Equal((colour, ProductTier.General), (r.Colour, r.HighestTier));
        Assert.Contains(r.Explanation.Factors, f => f.Value == "no products, treated as GENERAL");
    }

    [Theory]
    [InlineData(EnterpriseClass.AA)]
    [InlineData(EnterpriseClass.C)]
    public void Blacklisted_is_red(EnterpriseClass value)
    {
        var r = new MapColourRule(Options()).Evaluate(value, [ProductTier.General], blacklisted: true);
        Assert.Equal(FourColor.Red, r.Colour);
        Assert.Equal("Map colour RED (红色): blacklisted (列入黑名单)", r.Explanation.Summary);
    }
}
