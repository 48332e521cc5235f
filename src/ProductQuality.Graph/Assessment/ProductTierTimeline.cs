using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// The tier in force of each product on any date: an active manual override (人工调整) if there is one, else the
/// latest computed grading on or before the date (the first grading before that). A product never graded is GENERAL.
/// </summary>
public sealed class ProductTierTimeline
{
    private readonly Dictionary<string, List<(DateOnly From, ProductTier Tier)>> graded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(DateOnly From, ProductTier? Tier, DateOnly ExpiresOn)>> overrides = new(StringComparer.Ordinal);

    /// <summary>Adds a computed grading.</summary>
    public void Add(string product, DateOnly from, ProductTier tier) => Insert(graded, product, (From: from, Tier: tier), x => x.From);

    /// <summary>Adds a manual override; a null tier withdraws the one before it.</summary>
    public void AddOverride(string product, DateOnly from, ProductTier? tier, DateOnly expiresOn) =>
        Insert(overrides, product, (From: from, Tier: tier, ExpiresOn: expiresOn), x => x.From);

    public ProductTier TierOn(string product, DateOnly date)
    {
        if (overrides.TryGetValue(product, out var manual) && manual.LastOrDefault(o => o.From <= date) is { Tier: { } overridden } o && date <= o.ExpiresOn)
        {
            return overridden;
        }

        if (!graded.TryGetValue(product, out var list))
        {
            return ProductTier.General;
        }

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

    // Stable insertion in date order: rows of the same date keep the order they were recorded in.
    private static void Insert<T>(Dictionary<string, List<T>> map, string product, T item, Func<T, DateOnly> from)
    {
        if (!map.TryGetValue(product, out var list))
        {
            map[product] = list = [];
        }

        var i = list.Count;
        while (i > 0 && from(list[i - 1]) > from(item))
        {
            i--;
        }

        list.Insert(i, item);
    }
}
