using ProductQuality.Graph.Rules.Common;
using static ProductQuality.Graph.Rules.Common.ExplanationBuilder;

namespace ProductQuality.Graph.Rules.Products;

/// <summary>
/// Grades a product HIGH, ELEVATED or GENERAL from a 0–100 risk score made of three capped
/// parts: nonconformity rate (default up to 50), warnings and recalls (up to 25) and
/// sensitivity (up to 25). A regulator's override wins until it expires.
/// </summary>
public sealed class ProductTierRule(RulesOptions options)
{
    private readonly ProductTierOptions o = options.ProductTier;

    /// <summary>Scores and grades a product as of <paramref name="asOf"/> (the date decides whether an override is active).</summary>
    public ProductTierResult Evaluate(ProductRiskFacts facts, DateOnly asOf, Override<ProductTier>? tierOverride = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var x = new ExplanationBuilder(RuleIds.ProductTier, options.Version);

        decimal nonconformity = 0;
        if (facts.SampledBatches > 0)
        {
            var ratePercent = 100m * facts.FailedBatches / facts.SampledBatches;
            nonconformity = Math.Min(1m, ratePercent / o.NonconformityPercentForFullWeight) * o.NonconformityWeight;
            x.Factor(FactGroup.ProductTiers, "nonconformity rate (不合格率) in 3 years", Inv($"{facts.FailedBatches}/{facts.SampledBatches} = {Percent(Math.Round(ratePercent, 2))}"),
                Inv($"full {Number(o.NonconformityWeight)} points at {Percent(o.NonconformityPercentForFullWeight)}"), Inv($"+{Number(nonconformity)} points"));
        }
        else
        {
            x.Factor(FactGroup.ProductTiers, "nonconformity rate (不合格率) in 3 years", "no sampling data", null, "+0 points");
        }

        var warnings = Math.Min(o.WarningsWeight, facts.RiskWarnings * o.PointsPerWarning);
        x.Factor(FactGroup.ProductTiers, "risk warnings or recalls (风险预警/召回) in 2 years", Inv($"{facts.RiskWarnings}"),
            Inv($"{Number(o.PointsPerWarning)} each, cap {Number(o.WarningsWeight)}"), Inv($"+{Number(warnings)} points"));

        var sensitivity = Math.Min(o.SensitivityWeight, SensitivityPoints(facts, x));
        var score = Math.Round(nonconformity + warnings + sensitivity, 1, MidpointRounding.AwayFromZero);
        var computed = TierForScore(score);
        x.Factor(FactGroup.ProductTiers, "risk score", Number(score), Inv($"HIGH ≥ {Number(o.HighThreshold)}, ELEVATED ≥ {Number(o.ElevatedThreshold)}"), computed.Label());

        // Every factor of a tier is a product-tier fact (ACCESS.md: "product risk tiers and their factors"), and so is
        // the reason the regulator gives for a tier override: it is about the product, not about an enterprise.
        var because = Inv($"risk score {Number(score)} (nonconformity {Number(nonconformity)} + warnings {Number(warnings)} + sensitivity {Number(sensitivity)})");
        var tier = computed;
        var overridden = tierOverride is not null && tierOverride.IsActiveOn(asOf);
        if (tierOverride is not null)
        {
            x.Factor(FactGroup.ProductTiers, "regulator override (人工调整)", tierOverride.Value.Label(), Inv($"expires {Date(tierOverride.ExpiresOn)}"),
                overridden ? Inv($"tier set to {tierOverride.Value.Code()}: {tierOverride.Reason}") : "expired, ignored");
        }

        if (overridden)
        {
            tier = tierOverride!.Value;
            because = Inv($"by regulator override until {Date(tierOverride.ExpiresOn)} ({tierOverride.Reason}), computed {computed.Code()} from score {Number(score)}");
        }

        x.Clause(because, FactGroup.ProductTiers);
        return new ProductTierResult(score, computed, tier, overridden, x.Build(tier.Code(), tier.Label()));
    }

    /// <summary>The tier a score calls for: HIGH at or above the high threshold, ELEVATED at or above the elevated one.</summary>
    public ProductTier TierForScore(decimal score) =>
        score >= o.HighThreshold ? ProductTier.High
        : score >= o.ElevatedThreshold ? ProductTier.Elevated
        : ProductTier.General;

    private decimal SensitivityPoints(ProductRiskFacts facts, ExplanationBuilder x)
    {
        decimal Flag(bool on, decimal points, string name)
        {
            x.Factor(FactGroup.ProductTiers, name, on ? "yes" : "no", null, on ? Inv($"+{Number(points)} points") : "+0 points");
            return on ? points : 0;
        }

        var sum = Flag(facts.ForChildren, o.ChildrenPoints, "used by children (儿童用品)")
            + Flag(facts.ForElderly, o.ElderlyPoints, "used by the elderly (老年人用品)")
            + Flag(facts.SafetyCritical, o.SafetyCriticalPoints, "safety-critical: electrical, gas, pressure (涉及电气、燃气、承压安全)")
            + Flag(facts.FoodContact, o.FoodContactPoints, "food contact (食品接触)");
        var complaints = Math.Min(o.ComplaintPointsCap, facts.Complaints * o.PointsPerComplaint);
        x.Factor(FactGroup.ProductTiers, "public complaints (投诉举报)", Inv($"{facts.Complaints}"), Inv($"{Number(o.PointsPerComplaint)} each, cap {Number(o.ComplaintPointsCap)}"), Inv($"+{Number(complaints)} points"));
        sum += complaints;
        x.Factor(FactGroup.ProductTiers, "sensitivity (敏感因子) total", Number(sum), Inv($"cap {Number(o.SensitivityWeight)}"), Inv($"+{Number(Math.Min(sum, o.SensitivityWeight))} points"));
        return sum;
    }
}
