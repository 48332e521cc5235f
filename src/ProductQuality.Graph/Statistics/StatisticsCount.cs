namespace ProductQuality.Graph.Statistics;

/// <summary>
/// How many of a distribution's rows have one value (a tier, a class, a colour, "NOT_ASSESSED"), and their share.
/// </summary>
public sealed record StatisticsCount(string Key, int Count, double SharePercent)
{
    /// <summary>Counts for every key given, in that order (0 where none), with shares of the total.</summary>
    public static IReadOnlyList<StatisticsCount> Of(IEnumerable<string> keys, IReadOnlyDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Values.Sum();
        return keys.Select(k => counts.GetValueOrDefault(k))
            .Zip(keys, (n, k) => new StatisticsCount(k, n, total == 0 ? 0 : Math.Round(100.0 * n / total, 1)))
            .ToList();
    }
}
