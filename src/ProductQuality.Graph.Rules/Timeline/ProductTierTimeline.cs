using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>
/// The tier in force of each product on any date (<see cref="InForce"/>): an override (人工调整) in force if there is
/// one, else the latest computed grading on or before the date (the first grading before that). A product never
/// graded is GENERAL.
/// </summary>
public sealed class ProductTierTimeline
{
    private readonly Dictionary<string, List<Grading>> graded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TierOverride>> overrides = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds a computed grading. One after the latest that keeps its tier changes nothing in force and is not kept: a
    /// product is graded again on every day a fact comes or goes, mostly with the same tier, and a replay visits each
    /// kept day (<see cref="ChangeDates"/>).
    /// </summary>
    public void Add(string product, DateOnly from, ProductTier tier)
    {
        if (graded.TryGetValue(product, out var list) && list.Count > 0 && list[^1].From <= from
            && list[^1].Tier == tier)
        {
            return;
        }

        Insert(graded, product, new Grading(from, tier), x => x.From);
    }

    /// <summary>Adds a manual override; a null tier withdraws the one before it.</summary>
    public void AddOverride(string product, DateOnly from, ProductTier? tier, DateOnly expiresOn) =>
        Insert(overrides, product, new TierOverride(from, tier, expiresOn), x => x.From);

    public ProductTier TierOn(string product, DateOnly date)
    {
        if (overrides.TryGetValue(product, out var manual) &&
            InForce.Override(manual, o => o.From, o => o.Tier is null, o => o.ExpiresOn, date) is { } o)
        {
            return o.Tier!.Value;
        }

        return graded.TryGetValue(product, out var list)
            ? InForce.LatestOrFirst(list, g => g.From, date)!.Tier
            : ProductTier.General;
    }

    /// <summary>
    /// The days the tier in force of a product may change: each grading and override takes effect, and the day after
    /// an override's last day. A replay visits them, so a maker's map colour moves on the day its product's tier does
    /// — not on whichever day the maker happens to be replayed next.
    /// </summary>
    public IEnumerable<DateOnly> ChangeDates(string product)
    {
        if (graded.TryGetValue(product, out var list))
        {
            foreach (var g in list)
            {
                yield return g.From;
            }
        }

        if (overrides.TryGetValue(product, out var manual))
        {
            foreach (var o in manual)
            {
                yield return o.From;
                yield return InForce.EndsAfter(o.ExpiresOn);
            }
        }
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

    private sealed record Grading(DateOnly From, ProductTier Tier);

    private sealed record TierOverride(DateOnly From, ProductTier? Tier, DateOnly ExpiresOn);
}
