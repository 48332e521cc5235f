using ProductQuality.Graph.Inspections;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Supervision samplings of one enterprise: a Poisson process per product, faster for careless makers;
/// each failure brings a rectification order (责令整改) a few weeks later and often a follow-up
/// sampling (复查) of the same product months after — the repeat failures the blacklist is for.
/// </summary>
internal sealed class SamplingHistoryGenerator(ReferenceDataSet reference, DateOnly today)
{
    private const int MaxFollowUpDepth = 3;

    public List<SamplingDraft> Generate(Random r, IReadOnlyList<string> products, double factor, DateOnly from)
    {
        var result = new List<SamplingDraft>();
        var perYear = 0.5 * Math.Sqrt(factor);
        foreach (var code in products)
        {
            var profile = reference.Profiles[code];
            var failure = Math.Min(0.8, profile.BaseFailureRate * factor);
            for (var d = from.AddDays(r.DaysToNext(perYear)); d <= today; d = d.AddDays(r.DaysToNext(perYear)))
            {
                Sample(r, profile, failure, d, Level(r), followUp: false, depth: 0, result);
            }
        }

        result.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : string.CompareOrdinal(a.ProductCode, b.ProductCode));
        return result;
    }

    private void Sample(Random r, ProductProfile profile, double failure, DateOnly date, SamplingLevel level, bool followUp, int depth, List<SamplingDraft> result)
    {
        // Rectified makers fail a follow-up somewhat less often than a first sampling, but not rarely.
        var passed = !r.Chance(followUp ? failure * 0.9 : failure);
        if (passed)
        {
            result.Add(new SamplingDraft(date, profile.Code, level, true, [], null, followUp));
            return;
        }

        var items = FailedItems(r, profile);
        var ordered = date.AddDays(r.Next(14, 43));
        var rectification = ordered <= today ? ordered : (DateOnly?)null;
        result.Add(new SamplingDraft(date, profile.Code, level, false, items, rectification, followUp));
        if (rectification is { } on && depth < MaxFollowUpDepth && r.Chance(0.55))
        {
            var again = on.AddDays(r.Next(60, 300));
            if (again <= today)
            {
                Sample(r, profile, failure, again, r.Chance(0.6) ? SamplingLevel.County : SamplingLevel.City, followUp: true, depth + 1, result);
            }
        }
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
}
