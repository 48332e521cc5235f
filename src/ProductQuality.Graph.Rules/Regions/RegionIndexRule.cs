using ProductQuality.Graph.Rules.Common;
using static ProductQuality.Graph.Rules.Common.ExplanationBuilder;

namespace ProductQuality.Graph.Rules.Regions;

/// <summary>
/// Aggregates enterprise indices into a regional index, weighted by each enterprise's highest
/// product tier (default HIGH 3, ELEVATED 2, GENERAL 1) so that risky producers count more.
/// </summary>
public sealed class RegionIndexRule(RulesOptions options)
{
    private readonly RegionIndexOptions o = options.RegionIndex;

    /// <summary>Weighted mean, rounded to one decimal (away from zero).</summary>
    public RegionIndexResult Evaluate(IEnumerable<EnterpriseIndexEntry> enterprises)
    {
        ArgumentNullException.ThrowIfNull(enterprises);
        var list = enterprises.ToList();
        var x = new ExplanationBuilder(RuleIds.RegionIndex, options.Version);
        foreach (var tier in (ProductTier[])[ProductTier.High, ProductTier.Elevated, ProductTier.General])
        {
            var ofTier = list.Where(e => e.HighestTier == tier).ToList();
            var mean = ofTier.Count == 0
                ? "none"
                : Number(Math.Round(ofTier.Average(e => e.Index), 1, MidpointRounding.AwayFromZero));
            x.Factor(FactGroup.Regions, Inv($"enterprises with highest tier {tier.Label()}"),
                Inv($"{ofTier.Count}, mean index {mean}"), Inv($"weight {Number(WeightOf(tier))}"), "weighted");
        }

        var totalWeight = list.Sum(e => WeightOf(e.HighestTier));
        if (list.Count == 0 || totalWeight == 0)
        {
            return new(null, list.Count, totalWeight,
                x.Clause("no key-product enterprises (无重点产品企业)", FactGroup.Regions)
                    .Build("none", "Region index (区域产品质量安全指数) not computed"));
        }

        var index = Math.Round(
            list.Sum(e => e.Index * WeightOf(e.HighestTier)) / totalWeight, 1, MidpointRounding.AwayFromZero);
        x.Clause("tier-weighted mean over " + Counted(list.Count, "enterprise", "enterprises")
            + Inv($" (total weight {Number(totalWeight)})"),
            FactGroup.Regions);
        return new(index, list.Count, totalWeight,
            x.Build(Number(index), Inv($"Region index (区域产品质量安全指数) {Number(index)}")));
    }

    /// <summary>The weight of an enterprise whose highest product tier is <paramref name="tier"/>.</summary>
    public decimal WeightOf(ProductTier tier) => tier switch
    {
        ProductTier.High => o.HighWeight,
        ProductTier.Elevated => o.ElevatedWeight,
        _ => o.GeneralWeight,
    };
}
