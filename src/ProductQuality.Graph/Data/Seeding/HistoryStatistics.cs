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

    // totals[kind][p, d]: the count of days before d (so a window is two look-ups); forgotten when a count is added.
    private int[][,]? runningTotals;

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
        runningTotals = null;
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
        runningTotals = null;
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
    /// inclusive. Counted from running totals (made on the first call after the last count added), so grading a
    /// product on every day of the history reads four subtractions a day, not three years of days.
    /// </summary>
    public (int Sampled, int Failed, int SafetyFailed, int Complaints) Window(
        string product, DateOnly from, DateOnly to)
    {
        var p = productIndex[product];
        var first = Math.Max(0, from.DayNumber - start.DayNumber);
        var last = Math.Min(sampled.GetLength(1) - 1, to.DayNumber - start.DayNumber);
        if (last < first)
        {
            return (0, 0, 0, 0);
        }

        var totals = runningTotals ??= RunningTotals();
        int Sum(int kind) => totals[kind][p, last + 1] - totals[kind][p, first];
        return (Sum(0), Sum(1), Sum(2), Sum(3));
    }

    private int[][,] RunningTotals()
    {
        int[][,] counts = [sampled, failed, safetyFailed, complaints];
        return [.. counts.Select(count =>
        {
            var total = new int[count.GetLength(0), count.GetLength(1) + 1];
            for (var p = 0; p < count.GetLength(0); p++)
            {
                for (var day = 0; day < count.GetLength(1); day++)
                {
                    total[p, day + 1] = total[p, day] + count[p, day];
                }
            }

            return total;
        })];
    }
}
