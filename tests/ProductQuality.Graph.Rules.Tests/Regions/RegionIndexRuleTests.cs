using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Regions;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Regions;

public class RegionIndexRuleTests
{
    public static TheoryData<EnterpriseIndexEntry[], string, string> Cases => new()
    {
        { [new(90, ProductTier.High), new(60, ProductTier.General)], "82.5", "4" },
        { [new(100, ProductTier.High), new(0, ProductTier.Elevated), new(0, ProductTier.General)], "50", "6" },
        { [new(100, ProductTier.Elevated), new(0, ProductTier.High)], "40", "5" },
        { [new(100, ProductTier.General), new(90, ProductTier.General), new(80, ProductTier.General)], "90", "3" },
        { [new(100, ProductTier.High), new(95, ProductTier.General), new(90, ProductTier.General)], "97", "5" },
        { [new(100, ProductTier.High), new(0, ProductTier.General), new(0, ProductTier.General)], "60", "5" },
        { [new(70, ProductTier.Elevated), new(71, ProductTier.General), new(71, ProductTier.General)], "70.5", "4" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tier_weighted_mean(EnterpriseIndexEntry[] entries, string index, string weight)
    {
        var r = new RegionIndexRule(Options()).Evaluate(entries);
        Assert.Equal(decimal.Parse(index, System.Globalization.CultureInfo.InvariantCulture), r.Index);
        Assert.Equal(decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture), r.TotalWeight);
        Assert.Equal(entries.Length, r.Enterprises);
        Assert.Equal(RuleIds.RegionIndex, r.Explanation.Rule);
        Assert.Equal(3, r.Explanation.Factors.Count);
    }

    [Fact]
    public void Empty_region_has_no_index()
    {
        var r = new RegionIndexRule(Options()).Evaluate([]);
        Assert.Null(r.Index);
        Assert.Contains("no key-product enterprises", r.Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_come_from_options()
    {
        var r = new RegionIndexRule(Options(o => o.RegionIndex.HighWeight = 1))
            .Evaluate([new(90, ProductTier.High), new(60, ProductTier.General)]);
        Assert.Equal(75m, r.Index);
    }
}
