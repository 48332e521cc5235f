using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Products;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Products;

public class ProductTierRuleTests
{
    private static readonly DateOnly AsOf = D("2026-06-30");
    private readonly ProductTierRule rule = new(Options());

    [Theory]
    [InlineData("0", ProductTier.General)]
    [InlineData("39", ProductTier.General)]
    [InlineData("39.9", ProductTier.General)]
    [InlineData("40", ProductTier.Elevated)]
    [InlineData("41", ProductTier.Elevated)]
    [InlineData("69", ProductTier.Elevated)]
    [InlineData("69.9", ProductTier.Elevated)]
    [InlineData("70", ProductTier.High)]
    [InlineData("71", ProductTier.High)]
    [InlineData("100", ProductTier.High)]
    public void Tier_for_score(string score, ProductTier expected) =>
        Assert.Equal(expected,
            rule.TierForScore(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)));

    // Default weights: 1 failed batch in 100 = 5 points; 5 per warning; children 8, elderly 5,
    // safety-critical 8, food contact 6, 1 per complaint (cap 5); sensitivity capped at 25.
    [Theory]
    [InlineData(100, 1, 3, true, false, true, false, 3, 39, ProductTier.General)]
    [InlineData(100, 1, 3, true, false, true, false, 4, 40, ProductTier.Elevated)]
    [InlineData(100, 1, 3, true, false, true, false, 5, 41, ProductTier.Elevated)]
    [InlineData(100, 6, 4, true, false, true, false, 3, 69, ProductTier.Elevated)]
    [InlineData(100, 6, 4, true, false, true, false, 4, 70, ProductTier.High)]
    [InlineData(100, 6, 4, true, false, true, false, 5, 71, ProductTier.High)]
    [InlineData(0, 0, 0, false, false, false, false, 0, 0, ProductTier.General)]
    [InlineData(100, 50, 10, true, true, true, true, 50, 100, ProductTier.High)]
    [InlineData(100, 0, 0, true, true, true, true, 9, 25, ProductTier.General)]
    [InlineData(30, 1, 0, false, false, false, false, 0, 16.7, ProductTier.General)]
    [InlineData(0, 0, 8, false, false, false, false, 0, 25, ProductTier.General)]
    [InlineData(10, 10, 0, false, false, false, false, 0, 50, ProductTier.Elevated)]
    public void Score_and_tier(int sampled, int failed, int warnings, bool children, bool elderly, bool safety,
        bool food, int complaints, double score, ProductTier tier)
    {
        var facts = new ProductRiskFacts
        {
            SampledBatches = sampled, FailedBatches = failed, RiskWarnings = warnings, ForChildren = children,
            ForElderly = elderly, SafetyCritical = safety, FoodContact = food, Complaints = complaints,
        };
        var result = rule.Evaluate(facts, AsOf);
        Assert.Equal((decimal)score, result.Score);
        Assert.Equal(tier, result.ComputedTier);
        Assert.Equal(tier, result.Tier);
        Assert.False(result.Overridden);
        Assert.Equal(RuleIds.ProductTier, result.Explanation.Rule);
        Assert.Equal(tier.Code(), result.Explanation.Outcome);
        Assert.Equal("test-1", result.Explanation.RulesVersion);
    }

    [Fact]
    public void Explanation_names_every_part()
    {
        var result = rule.Evaluate(new ProductRiskFacts { SampledBatches = 100, FailedBatches = 6, RiskWarnings = 4,
            ForChildren = true, SafetyCritical = true, Complaints = 4 }, AsOf);
        Assert.Equal("HIGH (高风险): risk score 70 (nonconformity 30 + warnings 20 + sensitivity 20)",
            result.Explanation.Summary);
        Assert.Contains(result.Explanation.Factors,
            f => f.Name.StartsWith("nonconformity rate", StringComparison.Ordinal) && f.Value == "6/100 = 6%"
                && f.Effect == "+30 points");
        Assert.Contains(result.Explanation.Factors,
            f => f.Name == "risk score" && f.Threshold == "HIGH ≥ 70, ELEVATED ≥ 40");
    }

    [Theory]
    [InlineData("2026-06-29", true, ProductTier.High)]
    [InlineData("2026-06-30", true, ProductTier.High)]
    [InlineData("2026-07-01", false, ProductTier.General)]
    public void Override_wins_until_its_expiry(string asOf, bool overridden, ProductTier tier)
    {
        var o = new Override<ProductTier>(ProductTier.High, "recall wave 2026", D("2026-06-30"));
        var result = rule.Evaluate(new ProductRiskFacts(), D(asOf), o);
        Assert.Equal(ProductTier.General, result.ComputedTier);
        Assert.Equal(tier, result.Tier);
        Assert.Equal(overridden, result.Overridden);
        Assert.Equal(overridden, result.Explanation.Summary.Contains("recall wave 2026", StringComparison.Ordinal));
        Assert.Contains(result.Explanation.Factors,
            f => f.Name.StartsWith("regulator override", StringComparison.Ordinal));
    }

    [Fact]
    public void Thresholds_come_from_options()
    {
        var custom = new ProductTierRule(
            Options(o => { o.ProductTier.HighThreshold = 50; o.ProductTier.ElevatedThreshold = 20; }));
        Assert.Equal(ProductTier.High, custom.TierForScore(50));
        Assert.Equal(ProductTier.Elevated, custom.TierForScore(20));
        Assert.Equal(ProductTier.General, custom.TierForScore(19.9m));
    }
}
