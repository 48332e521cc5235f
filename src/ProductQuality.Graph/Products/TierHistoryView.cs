namespace ProductQuality.Graph.Products;

/// <summary>
/// A product's tier history as a reader reads it: a grading that changed nothing the reader can see is left out, as
/// <see cref="Enterprises.ClassHistoryView"/> leaves out class rows. A product is graded again whenever anything it
/// counts changes; a reader without inspections (or a county bureau, which reads no count over every county) read a
/// row on each day its one maker was sampled, passed samplings included. What it may see change is the tier, the
/// override and the parts of the score computed from facts it reads (<see cref="GradingFingerprint"/>); a kept row
/// shows its score whole ("A total is a field of its own", README).
/// </summary>
internal static class TierHistoryView
{
    /// <summary>
    /// The rows (newest first) whose visible values differ from the row before them. <paramref name="whole"/>: the
    /// rows go back to the product's first grading, which is kept; else the oldest is only what the next is compared
    /// with (whether it changed anything is not known without the row before it).
    /// </summary>
    public static List<ProductTierAssessment> For(GradingFingerprint fingerprint,
        IReadOnlyList<ProductTierAssessment> newestFirst, bool whole)
    {
        var kept = new List<ProductTierAssessment>();
        byte[]? previous = null;
        for (var i = newestFirst.Count - 1; i >= 0; i--)
        {
            var seen = fingerprint.Of(newestFirst[i]);
            if (previous is null ? whole : !seen.AsSpan().SequenceEqual(previous))
            {
                kept.Add(newestFirst[i]);
            }

            previous = seen;
        }

        kept.Reverse();
        return kept;
    }
}
