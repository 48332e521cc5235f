using ProductQuality.Graph.Inspections;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Supervision samplings of one enterprise: a Poisson process per product, faster for careless makers;
/// each failure brings a rectification order (责令整改) a few weeks later and often a follow-up
/// sampling (复查) of the same product months after — the repeat failures the blacklist is for.
/// </summary>
internal sealed class SamplingHistoryGenerator(ReferenceDataSet reference, DateOnly today)
{
    private const double RectificationEffect = 0.4;
    private const double FollowUpChance = 0.45;

    public List<SamplingDraft> Generate(Random r, IReadOnlyList<string> products, double factor, DateOnly from)
    {
        var result = new List<SamplingDraft>();
        var perYear = 0.9 * Math.Sqrt(factor);
        foreach (var code in products)
        {
            var profile = reference.Profiles[code];
            var product = new ProductRun(profile, Math.Min(0.6, profile.BaseFailureRate * factor));
            var followUp = DateOnly.MaxValue;
            var d = from.AddDays(r.DaysToNext(perYear));
            while (d <= today || followUp <= today)
            {
                // A follow-up (复查) due before the next routine sampling comes first.
                if (followUp <= d)
                {
                    followUp = Sample(r, product, followUp, r.Chance(0.6) ? SamplingLevel.County : SamplingLevel.City, true, result);
                    continue;
                }

                var next = Sample(r, product, d, Level(r), false, result);
                followUp = next < followUp ? next : followUp;
                d = d.AddDays(r.DaysToNext(perYear));
            }
        }

        result.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : string.CompareOrdinal(a.ProductCode, b.ProductCode));
        return result;
    }

    /// <summary>Adds one sampling; returns when a follow-up is due, or <see cref="DateOnly.MaxValue"/> for none.</summary>
    private DateOnly Sample(Random r, ProductRun product, DateOnly date, SamplingLevel level, bool followUp, List<SamplingDraft> result)
    {
        if (!r.Chance(product.Failure))
        {
            result.Add(new SamplingDraft(date, product.Profile.Code, level, true, [], null, followUp));
            return DateOnly.MaxValue;
        }

        // Rectification mostly works: each failure makes the next one of this product much less likely,
        // so repeat offenders (屡查屡犯) are the makers that were careless to begin with.
        product.Failure *= RectificationEffect;
        var ordered = date.AddDays(r.Next(14, 43));
        var rectification = ordered <= today ? ordered : (DateOnly?)null;
        result.Add(new SamplingDraft(date, product.Profile.Code, level, false, FailedItems(r, product.Profile), rectification, followUp));
        return rectification is { } on && r.Chance(FollowUpChance) ? on.AddDays(r.Next(60, 300)) : DateOnly.MaxValue;
    }

    private static List<FailureItem> FailedItems(Random r, ProductProfile profile)
    {
        var want = Math.Min(profile.FailureItems.Count, r.NextDouble() switch { < 0.6 => 1, < 0.9 => 2, _ => 3 });
        var pool = profile.FailureItems.ToList();
        var items = new List<FailureItem>(want);
        while (items.Count < want)
        {
            var i = r.Next(pool.Count);
            items.Add(pool[i]);
            pool.RemoveAt(i);
        }

        return items;
    }

    private static SamplingLevel Level(Random r) => r.NextDouble() switch
    {
        < 0.08 => SamplingLevel.National,
        < 0.30 => SamplingLevel.Provincial,
        < 0.65 => SamplingLevel.City,
        _ => SamplingLevel.County,
    };

    private sealed class ProductRun(ProductProfile profile, double failure)
    {
        public ProductProfile Profile { get; } = profile;
        public double Failure { get; set; } = failure;
    }
}
