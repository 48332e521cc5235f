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

    // Default weights: a 10% weighted nonconformity rate earns the full 35 points (a safety failure counts 1, a
    // labelling-only failure 0.5); 2.5 per city bulletin (cap 5); children 8, elderly 5, safety-critical 8, food
    // contact 6, 1 per complaint (cap 5), sensitivity capped at 15; traits: licence 2.5 + CCC 2.5 + grade Ⅰ 10 (cap
    // 15). Rows sit at and below 40 and 70: the city's own data and the traits top out at exactly 70, so above it
    // takes external signals (next tests). The score is the sum rounded down to one decimal: 68.25 is 68.2, 11.67 is
    // 11.6 (ProductTierThresholdTests).
    [Theory]
    [InlineData(100, 10, 0, 0, false, false, false, 4, 39, ProductTier.General)]
    [InlineData(100, 10, 0, 0, false, false, false, 5, 40, ProductTier.Elevated)]
    [InlineData(100, 10, 0, 0, false, true, false, 0, 41, ProductTier.Elevated)]
    [InlineData(100, 10, 0, 2, true, false, false, 5, 55, ProductTier.Elevated)]
    [InlineData(100, 10, 0, 1, true, false, true, 0, 67.5, ProductTier.Elevated)]
    [InlineData(100, 10, 0, 2, true, false, true, 0, 70, ProductTier.High)]
    [InlineData(100, 10, 0, 3, true, true, true, 5, 70, ProductTier.High)]
    [InlineData(100, 10, 1, 2, true, false, true, 0, 68.2, ProductTier.Elevated)]
    [InlineData(100, 10, 10, 2, true, false, true, 4, 52.5, ProductTier.Elevated)]
    [InlineData(0, 0, 0, 0, false, false, false, 0, 0, ProductTier.General)]
    [InlineData(30, 1, 0, 0, false, false, false, 0, 11.6, ProductTier.General)]
    [InlineData(0, 0, 0, 8, false, false, false, 0, 5, ProductTier.General)]
    public void Score_and_tier(int sampled, int failed, int labellingOnly, int bulletins, bool children, bool food,
        bool traits, int complaints, double score, ProductTier tier)
    {
        var facts = new ProductRiskFacts
        {
            SampledBatches = sampled, FailedBatches = failed, SafetyFailedBatches = failed - labellingOnly,
            CityBulletins = bulletins, ForChildren = children, SafetyCritical = children, FoodContact = food,
            Complaints = complaints, LicenceRequired = traits, CccRequired = traits,
            NationalGrade = traits ? NationalRiskGrade.I : null,
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
    public void Explanation_names_every_part_and_each_signal_by_source_and_reference()
    {
        var result = rule.Evaluate(new ProductRiskFacts
        {
            SampledBatches = 100, FailedBatches = 6, SafetyFailedBatches = 6, CityBulletins = 1,
            Signals = [Signal("2026-03-01", SignalSeverity.Serious, "A12/00123/26"),
                Signal("2025-11-02", SignalSeverity.High, "A12/01999/25"),
                Signal("2026-05-05", SignalSeverity.Medium, "A12/00777/26")],
            ForChildren = true, SafetyCritical = true, Complaints = 4, CccRequired = true,
            NationalGrade = NationalRiskGrade.I,
        }, AsOf);
        Assert.Equal("HIGH (高风险): risk score 70; nonconformity 21; signals 19; bulletins 2.5; traits 12.5; "
            + "sensitivity 15; external signals (国内外风险信号): EU Safety Gate A12/01999/25, EU Safety Gate A12/00123/26, "
            + "EU Safety Gate A12/00777/26",
            result.Explanation.Summary);
        Assert.Contains(result.Explanation.Factors,
            f => f.Name.StartsWith("nonconformity rate", StringComparison.Ordinal)
                && f.Value == "6/100 failed (6 safety items, 0 labelling or general items ×0.5) = 6% weighted"
                && f.Effect == "+21 points");
        Assert.Contains(result.Explanation.Factors, f => f.Name == "risk signal (风险信号): EU Safety Gate A12/00123/26"
            && f.Value == "SERIOUS, published 2026-03-01" && f.Effect == "+10");
        Assert.Contains(result.Explanation.Factors,
            f => f.Name == "risk score" && f.Threshold == "HIGH ≥ 70, ELEVATED ≥ 40");

        // The makers' sampling counts are inspection facts, the bulletins warning facts, both counted over the city:
        // a reader without those groups, or of one county, reads the tier's points in the summary, not the counts.
        Assert.All(result.Explanation.Factors, f => Assert.Equal(
            f.Name.StartsWith("nonconformity rate", StringComparison.Ordinal) ? FactGroup.CityInspections
            : f.Name.StartsWith("city risk warning bulletins", StringComparison.Ordinal) ? FactGroup.CityWarnings
            : f.Name.StartsWith("public complaints", StringComparison.Ordinal)
                || f.Name.StartsWith("sensitivity", StringComparison.Ordinal) ? FactGroup.CityEnforcement
            : FactGroup.ProductTiers,
            f.Group));
    }

    // Safety items count in full, labelling-only failures by LabellingFailureFactor (0.5): full points at 10% weighted.
    [Theory]
    [InlineData(10, 10, 35)]
    [InlineData(10, 6, 28)]
    [InlineData(10, 0, 17.5)]
    [InlineData(18, 0, 31.5)]
    [InlineData(20, 0, 35)]
    [InlineData(22, 0, 35)]
    [InlineData(9, 9, 31.5)]
    [InlineData(11, 11, 35)]
    public void Safety_failures_weigh_more_than_labelling_failures(int failed, int safety, double points)
    {
        var result = rule.Evaluate(
            new ProductRiskFacts { SampledBatches = 100, FailedBatches = failed, SafetyFailedBatches = safety }, AsOf);
        Assert.Equal((decimal)points, result.Score);
    }

    [Theory]
    [InlineData("0.5", 10, 0, 35)]
    [InlineData("0.5", 0, 10, 17.5)]
    [InlineData("1", 0, 10, 35)]
    [InlineData("0", 0, 10, 0)]
    public void The_labelling_factor_comes_from_options(string factor, int safety, int labelling, double points)
    {
        var custom = new ProductTierRule(Options(o => o.ProductTier.LabellingFailureFactor =
            decimal.Parse(factor, System.Globalization.CultureInfo.InvariantCulture)));
        var facts = new ProductRiskFacts
        {
            SampledBatches = 100, FailedBatches = safety + labelling, SafetyFailedBatches = safety,
        };
        Assert.Equal((decimal)points, custom.Evaluate(facts, AsOf).Score);
    }

    // The look-back window is two years before the grading day: exactly two years ago is out, the day after in.
    [Theory]
    [InlineData("2024-06-29", false)]
    [InlineData("2024-06-30", false)]
    [InlineData("2024-07-01", true)]
    [InlineData("2026-06-30", true)]
    [InlineData("2026-07-01", false)]
    public void A_signal_counts_within_its_look_back_window(string published, bool counts)
    {
        var result = rule.Evaluate(
            new ProductRiskFacts { Signals = [Signal(published, SignalSeverity.Serious, "R1")] }, AsOf);
        Assert.Equal(counts ? 10 : 0, result.Score);
        Assert.Equal(counts,
            result.Explanation.Factors.Any(f => f.Name.EndsWith("EU Safety Gate R1", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(3, 1, 10)]
    [InlineData(3, 3, 0)]
    [InlineData(5, 3, 10)]
    public void The_window_length_comes_from_options(int years, int yearsAgo, double score)
    {
        var custom = new ProductTierRule(Options(o => o.ProductTier.SignalWindowYears = years));
        var result = custom.Evaluate(
            new ProductRiskFacts { Signals = [Signal(Date(AsOf.AddYears(-yearsAgo)), SignalSeverity.Serious, "R")] },
            AsOf);
        Assert.Equal((decimal)score, result.Score);
    }

    // Points by severity, capped at 30: below, at and above the cap.
    [Theory]
    [InlineData("L", 1)]
    [InlineData("M", 3)]
    [InlineData("H", 6)]
    [InlineData("S", 10)]
    [InlineData("SSH", 26)]
    [InlineData("SSHML", 30)]
    [InlineData("SSSH", 30)]
    [InlineData("SSSSS", 30)]
    public void Signals_score_by_severity_up_to_their_cap(string severities, double score)
    {
        var signals = severities.Select((c, i) => Signal("2026-01-01", c switch
        {
            'S' => SignalSeverity.Serious, 'H' => SignalSeverity.High, 'M' => SignalSeverity.Medium,
            _ => SignalSeverity.Low,
        }, $"R{i}")).ToList();
        Assert.Equal((decimal)score, rule.Evaluate(new ProductRiskFacts { Signals = signals }, AsOf).Score);
    }

    // The city's own bulletins restate its failures: 2.5 each, cap 5, however many.
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 2.5)]
    [InlineData(2, 5)]
    [InlineData(3, 5)]
    [InlineData(40, 5)]
    public void City_bulletins_count_separately_and_lightly(int bulletins, double score) =>
        Assert.Equal((decimal)score, rule.Evaluate(new ProductRiskFacts { CityBulletins = bulletins }, AsOf).Score);

    // Traits (产品特点): licence 2.5, CCC 2.5, national grade Ⅰ 10 / Ⅱ 5 / Ⅲ 0, capped at 15.
    [Theory]
    [InlineData(false, false, null, 0)]
    [InlineData(true, false, null, 2.5)]
    [InlineData(false, true, NationalRiskGrade.III, 2.5)]
    [InlineData(false, false, NationalRiskGrade.II, 5)]
    [InlineData(true, false, NationalRiskGrade.I, 12.5)]
    [InlineData(true, true, NationalRiskGrade.II, 10)]
    [InlineData(true, true, NationalRiskGrade.I, 15)]
    public void Traits_score_licence_ccc_and_national_grade(
        bool licence, bool ccc, NationalRiskGrade? grade, double score) =>
        Assert.Equal((decimal)score, rule.Evaluate(
            new ProductRiskFacts { LicenceRequired = licence, CccRequired = ccc, NationalGrade = grade }, AsOf).Score);

    [Theory]
    [InlineData(14, 14)]
    [InlineData(15, 15)]
    [InlineData(16, 15)]
    public void Traits_are_capped(int licencePoints, double score)
    {
        var custom = new ProductTierRule(Options(o =>
        {
            o.ProductTier.LicencePoints = licencePoints;
            o.ProductTier.CccPoints = 0;
            o.ProductTier.NationalGradeIPoints = 0;
        }));
        var facts = new ProductRiskFacts
        {
            LicenceRequired = true, CccRequired = true, NationalGrade = NationalRiskGrade.I,
        };
        Assert.Equal((decimal)score, custom.Evaluate(facts, AsOf).Score);
    }

    // A product no enterprise in the city makes has no sampling: signals, traits and sensitivity still grade it.
    [Fact]
    public void A_product_without_a_local_maker_is_graded_from_national_and_external_data()
    {
        var result = rule.Evaluate(new ProductRiskFacts
        {
            Signals = [Signal("2026-02-01", SignalSeverity.Serious, "A"),
                Signal("2026-03-01", SignalSeverity.Serious, "B"),
                Signal("2026-04-01", SignalSeverity.Medium, "C")],
            CccRequired = true, NationalGrade = NationalRiskGrade.I, SafetyCritical = true, FoodContact = true,
        }, AsOf);
        Assert.Equal(ProductTier.Elevated, result.Tier);
        Assert.Equal(49.5m, result.Score);
        Assert.Contains(result.Explanation.Factors, f => f.Value == "no sampling data");
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

    private static ExternalSignal Signal(string published, SignalSeverity severity, string reference) =>
        new("EU Safety Gate", reference, D(published), severity);

    private static string Date(DateOnly date) =>
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

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
