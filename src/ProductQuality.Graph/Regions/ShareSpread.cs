namespace ProductQuality.Graph.Regions;

/// <summary>
/// How a share spreads over the assessed regions of a level, in percent: its least, quartiles and greatest, so a
/// bureau sees where its thresholds sit among its regions (nearest-rank quartiles: each is a region's own share).
/// </summary>
public sealed record ShareSpread(double Min, double LowerQuartile, double Median, double UpperQuartile, double Max)
{
    /// <summary>The spread of the values; null when there are none.</summary>
    public static ShareSpread? Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        return new ShareSpread(sorted[0], Rank(sorted, 0.25), Rank(sorted, 0.5), Rank(sorted, 0.75), sorted[^1]);
    }

    private static double Rank(List<double> sorted, double p) =>
        sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
