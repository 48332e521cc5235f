using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>The tier in force of each product on any date: the latest grading on or before it (the first before that).</summary>
internal sealed class ProductTierTimeline
{
    private readonly Dictionary<string, List<(DateOnly From, ProductTier Tier)>> byProduct = new(StringComparer.Ordinal);

    public void Add(string product, DateOnly from, ProductTier tier)
    {
        if (!byProduct.TryGetValue(product, out var list))
        {
            byProduct[product] = list = [];
        }

        list.Add((from, tier));
        list.Sort((a, b) => a.From.CompareTo(b.From));
    }

    public ProductTier TierOn(string product, DateOnly date)
    {
        var list = byProduct[product];
        var tier = list[0].Tier;
        foreach (var (from, t) in list)
        {
            if (from > date)
            {
                break;
            }

            tier = t;
        }

        return tier;
    }
}
