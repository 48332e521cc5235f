using ProductQuality.Graph.Rules.Common;
using static ProductQuality.Graph.Rules.Common.ExplanationBuilder;

namespace ProductQuality.Graph.Rules.Products;

/// <summary>
/// Grades a product HIGH, ELEVATED or GENERAL from a 0–100 risk score made of five capped parts (defaults): the
/// city's nonconformity rate, safety failures weighing more than labelling ones (up to 35), external risk signals
/// (up to 30), the city's own bulletins (up to 5), the product's traits — licence, CCC, national grade (up to 15) —
/// and sensitivity (up to 15). A regulator's override wins until it expires.
/// </summary>
public sealed partial class ProductTierRule(RulesOptions options)
{
    /// <summary>
    /// The name of the factor stating the score and the tier it calls for: a total of every part, tagged with product
    /// tiers like the score it states, though it moves with parts of other groups.
    /// </summary>
    public const string ScoreFactor = "risk score";

    private readonly ProductTierOptions o = options.ProductTier;

    /// <summary>Scores and grades a product as of <paramref name="asOf"/> (the date decides whether an override is
    /// active and which signals are in the look-back window).</summary>
    public ProductTierResult Evaluate(ProductRiskFacts facts, DateOnly asOf, Override<ProductTier>? tierOverride = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var x = new ExplanationBuilder(RuleIds.ProductTier, options.Version);
        var nonconformity = NonconformityPoints(facts, x);
        var (signals, named) = SignalPoints(facts, asOf, x);
        var bulletins = BulletinPoints(facts, x);
        var traits = TraitPoints(facts, x);
        var sensitivity = Math.Min(o.SensitivityWeight, SensitivityPoints(facts, x));
        var sum = nonconformity + signals + bulletins + traits + sensitivity;
        // The tier follows the exact sum; the score states it rounded down, so a sum of 39.969 is "39.9" and
        // GENERAL, never "40" with a tier the parts do not reach (rounded, 28 gradings of 9 products in the seeded
        // history said 40).
        var score = ShownScore(sum);
        var computed = TierForScore(Math.Min(100m, sum));
        x.Factor(FactGroup.ProductTiers, ScoreFactor, Number(score),
            Inv($"HIGH ≥ {Number(o.HighThreshold)}, ELEVATED ≥ {Number(o.ElevatedThreshold)}"), computed.Label());

        // A tier's factors are product-tier facts (ACCESS.md: "product risk tiers and their factors"), and so is the
        // reason the regulator gives for a tier override: it is about the product, not about an enterprise. But the
        // parts counted from the makers' samplings, the city's bulletins and valid complaints state those facts (one
        // maker's, for a product with one): each part is a clause of its own, tagged with what it states.
        var tier = computed;
        var overridden = tierOverride is not null && tierOverride.IsActiveOn(asOf);
        if (tierOverride is not null)
        {
            x.Factor(FactGroup.ProductTiers, "regulator override (人工调整)", tierOverride.Value.Label(),
                Inv($"expires {Date(tierOverride.ExpiresOn)}"),
                overridden
                    ? Inv($"tier set to {tierOverride.Value.Code()}: {tierOverride.Reason}")
                    : "expired, ignored");
        }

        if (overridden)
        {
            tier = tierOverride!.Value;
            x.Clause(Inv($"by regulator override until {Date(tierOverride.ExpiresOn)} ({tierOverride.Reason}), ")
                + Inv($"computed {computed.Code()} from score {Number(score)}"), FactGroup.ProductTiers);
        }
        else
        {
            x.Clause(Inv($"risk score {Number(score)}"), FactGroup.ProductTiers)
                .Clause(Inv($"nonconformity {Part(nonconformity)}"), FactGroup.CityInspections)
                .Clause(Inv($"signals {Part(signals)}"), FactGroup.ProductTiers)
                .Clause(Inv($"bulletins {Part(bulletins)}"), FactGroup.CityWarnings)
                .Clause(Inv($"traits {Part(traits)}"), FactGroup.ProductTiers)
                .Clause(Inv($"sensitivity {Part(sensitivity)}"), FactGroup.CityEnforcement);
        }
        if (named.Count > 0)
        {
            x.Clause("external signals (国内外风险信号): " + string.Join(", ", named), FactGroup.ProductTiers);
        }

        return new ProductTierResult(score, computed, tier, overridden, x.Build(tier.Code(), tier.Label()));
    }

    /// <summary>
    /// The score shown for an exact sum of parts: capped at 100 and rounded down (towards zero) to one decimal, so it
    /// never states a threshold the sum did not reach.
    /// </summary>
    public static decimal ShownScore(decimal sum) => Math.Round(Math.Min(100m, sum), 1, MidpointRounding.ToZero);

    /// <summary>
    /// The tier an exact score calls for: HIGH at or above the high threshold, ELEVATED at or above the elevated one.
    /// Compare the unrounded sum: rounded, 39.969 called for ELEVATED.
    /// </summary>
    public ProductTier TierForScore(decimal score) =>
        score >= o.HighThreshold ? ProductTier.High
        : score >= o.ElevatedThreshold ? ProductTier.Elevated
        : ProductTier.General;

    /// <summary>
    /// Whether a signal published on <paramref name="publishedOn"/> counts on <paramref name="asOf"/>.
    /// </summary>
    public bool SignalCounts(DateOnly publishedOn, DateOnly asOf) =>
        publishedOn <= asOf && publishedOn > asOf.AddYears(-o.SignalWindowYears);
}
