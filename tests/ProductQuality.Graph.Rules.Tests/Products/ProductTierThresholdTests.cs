using System.Globalization;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Products;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Products;

/// <summary>
/// The tier follows the exact sum of the parts; the score and the parts are shown rounded down. Rounded half up, a
/// sum of 39.969 (P206 on 2026-07-29 in the seeded data: nonconformity 30.969, bulletins 5, sensitivity 4) read
/// "risk score 40" and was ELEVATED, and 69.96 was HIGH.
/// </summary>
public class ProductTierThresholdTests
{
    private static readonly DateOnly AsOf = D("2026-06-30");
    private readonly ProductTierRule rule = new(Options());

    // Columns: sampled, failed, labelling-only failures (×0.5), bulletins (2.5 each), high signals (6 each), children
    // and safety-critical (15 together), traits (15), complaints (1 each); then the score, tier and nonconformity
    // shown. The comment at the end of a row is the exact sum.
    [Theory]
    [InlineData(356, 32, 1, 2, 0, false, false, 4, "39.9", ProductTier.General, "30.96")] // 39.969
    [InlineData(100, 10, 0, 0, 0, false, false, 5, "40", ProductTier.Elevated, "35")] // 40.0
    [InlineData(89, 8, 0, 1, 1, true, true, 0, "69.9", ProductTier.Elevated, "31.46")] // 69.9607
    [InlineData(100, 10, 0, 2, 0, true, true, 0, "70", ProductTier.High, "35")] // 70.0
    public void The_tier_follows_the_exact_sum_and_the_score_is_rounded_down(int sampled, int failed,
        int labellingOnly, int bulletins, int highSignals, bool children, bool traits, int complaints, string score,
        ProductTier tier, string nonconformity)
    {
        var result = rule.Evaluate(new ProductRiskFacts
        {
            SampledBatches = sampled, FailedBatches = failed, SafetyFailedBatches = failed - labellingOnly,
            CityBulletins = bulletins, ForChildren = children, SafetyCritical = children, Complaints = complaints,
            LicenceRequired = traits, CccRequired = traits, NationalGrade = traits ? NationalRiskGrade.I : null,
            Signals = Enumerable.Range(0, highSignals)
                .Select(i => new ExternalSignal("EU Safety Gate", $"R{i}", D("2026-01-01"), SignalSeverity.High))
                .ToList(),
        }, AsOf);

        Assert.Equal(decimal.Parse(score, CultureInfo.InvariantCulture), result.Score);
        Assert.Equal(tier, result.ComputedTier);
        Assert.Equal(tier, result.Tier);
        Assert.StartsWith($"{tier.Code()} (", result.Explanation.Summary, StringComparison.Ordinal);
        Assert.Contains($"risk score {score}; nonconformity {nonconformity}; ", result.Explanation.Summary,
            StringComparison.Ordinal);
        Assert.Contains(result.Explanation.Factors, f => f.Name == ProductTierRule.ScoreFactor && f.Value == score);
        Assert.Contains(result.Explanation.Factors,
            f => f.Name.StartsWith("nonconformity rate", StringComparison.Ordinal)
                && f.Effect == $"+{nonconformity} points");
    }

    // Every weighted nonconformity rate of up to 400 batches, beside parts that put the sum next to 40 and 70: neither
    // the score shown nor the parts the summary states call for a tier the exact sum does not reach, and the tier is
    // the exact sum's. The exact sum is worked out here from the default weights (35 points at 10% weighted).
    [Fact]
    public void What_the_explanation_shows_never_reaches_a_threshold_the_exact_sum_does_not()
    {
        var others = new (int Bulletins, int Complaints, bool Children, bool Traits, int HighSignals, decimal Points)[]
        {
            (2, 4, false, false, 0, 9), (0, 5, false, false, 0, 5), (1, 0, true, true, 1, 38.5m),
            (2, 0, true, true, 0, 35),
        };
        var (checkedNear, failures) = (0, new List<string>());
        for (var sampled = 1; sampled <= 400; sampled++)
        {
            for (var halves = 1; halves <= (sampled / 5) + 1; halves++)
            {
                var nonconformity = Math.Min(1m, 100m * halves / 2 / sampled / 10) * 35;
                foreach (var o in others)
                {
                    var exact = nonconformity + o.Points;
                    var result = rule.Evaluate(Facts(sampled, halves, o), AsOf);
                    var shownParts = Parts(result.Explanation.Summary);
                    checkedNear += exact is >= 39.9m and < 40m or >= 69.9m and < 70m ? 1 : 0;
                    if (result.ComputedTier != rule.TierForScore(exact)
                        || rule.TierForScore(result.Score) < rule.TierForScore(exact)
                        || rule.TierForScore(shownParts) < rule.TierForScore(exact)
                        || !result.Explanation.Summary.Contains(
                            FormattableString.Invariant($"risk score {result.Score:0.#}; "), StringComparison.Ordinal))
                    {
                        failures.Add(FormattableString.Invariant($"{sampled}/{halves / 2m}: {exact} ")
                            + result.Explanation.Summary);
                    }
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(checkedNear > 100, $"only {checkedNear} sums within 0.1 below a threshold");
    }

    // Safety failures count 1, a labelling-only one 0.5: an odd number of halves is one labelling-only failure.
    private static ProductRiskFacts Facts(int sampled, int halves,
        (int Bulletins, int Complaints, bool Children, bool Traits, int HighSignals, decimal Points) o) => new()
    {
        SampledBatches = sampled, FailedBatches = (halves / 2) + (halves % 2), SafetyFailedBatches = halves / 2,
        CityBulletins = o.Bulletins, Complaints = o.Complaints, ForChildren = o.Children, SafetyCritical = o.Children,
        LicenceRequired = o.Traits, CccRequired = o.Traits, NationalGrade = o.Traits ? NationalRiskGrade.I : null,
        Signals = Enumerable.Range(0, o.HighSignals)
            .Select(i => new ExternalSignal("EU Safety Gate", $"R{i}", D("2026-01-01"), SignalSeverity.High)).ToList(),
    };

    // "…; nonconformity 30.96; signals 0; bulletins 5; traits 0; sensitivity 4": the parts the summary states, added.
    private static decimal Parts(string summary) =>
        summary.Split("; ").Select(c => c.Split(' ')).Where(w => w.Length == 2
                && w[0] is "nonconformity" or "signals" or "bulletins" or "traits" or "sensitivity")
            .Sum(w => decimal.Parse(w[1], CultureInfo.InvariantCulture));
}
