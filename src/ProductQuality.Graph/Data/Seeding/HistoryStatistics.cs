namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// City-wide counts per product per day (samplings, failures, complaints) and failures per town,
/// product and year: everything product grading and risk warnings need, in fixed memory whatever
/// the number of enterprises.
/// </summary>
internal sealed class HistoryStatistics
{
    private readonly DateOnly start;
    private readonly Dictionary<string, int> productIndex;
    private readonly int[,] sampled;
    private readonly int[,] failed;
    private readonly int[,] safetyFailed;
    private readonly int[,] complaints;
    private readonly Dictionary<(string Town, string Product, int Year), int> townFailures = [];

    public HistoryStatistics(DateOnly start, DateOnly today, IEnumerable<string> productCodes)
    {
        this.start = start;
        productIndex = productCodes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var days = today.DayNumber - start.DayNumber + 1;
        sampled = new int[productIndex.Count, days];
        failed = new int[productIndex.Count, days];
        safetyFailed = new int[productIndex.Count, days];
        complaints = new int[productIndex.Count, days];
    }

    public IReadOnlyDictionary<(string Town, string Product, int Year), int> TownFailures => townFailures;

    /// <summary>Adds another count of the same period (a part of the enterprises counted on another thread).</summary>
    public void Merge(HistoryStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var p = 0; p < sampled.GetLength(0); p++)
        {
            for (var day = 0; day < sampled.GetLength(1); day++)
            {
                sampled[p, day] += other.sampled[p, day];
                failed[p, day] += other.failed[p, day];
                safetyFailed[p, day] += other.safetyFailed[p, day];
                complaints[p, day] += other.complaints[p, day];
            }
        }

        foreach (var (key, n) in other.townFailures)
        {
            townFailures[key] = townFailures.GetValueOrDefault(key) + n;
        }
    }

    public void Add(EnterpriseDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        foreach (var s in draft.Samplings)
        {
            var p = productIndex[s.ProductCode];
            var day = s.Date.DayNumber - start.DayNumber;
            sampled[p, day]++;
            if (!s.Passed)
            {
                failed[p, day]++;
                safetyFailed[p, day] += s.SafetyItemFailed ? 1 : 0;
                var key = (draft.TownCode, s.ProductCode, s.Date.Year);
                townFailures[key] = townFailures.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var c in draft.Complaints)
        {
            complaints[productIndex[c.ProductCode], c.Date.DayNumber - start.DayNumber]++;
        }
    }

    /// <summary>
    /// Samplings, failures (and of them, failures of a safety item) and complaints of a product in [from, to], both
    /// inclusive.
    /// </summary>
    public (int Sampled, int Failed, int SafetyFailed, int Complaints) Window(
        string product, DateOnly from, DateOnly to)
    {
        var p = productIndex[product];
        var first = Math.Max(0, from.DayNumber - start.DayNumber);
        var last = Math.Min(sampled.GetLength(1) - 1, to.DayNumber - start.DayNumber);
        int s = 0, f = 0, sf = 0, c = 0;
        for (var day = first; day <= last; day++)
        {
            s += sampled[p, day];
            f += failed[p, day];
            sf += safetyFailed[p, day];
            c += complaints[p, day];
        }

        return (s, f, sf, c);
    }
}
