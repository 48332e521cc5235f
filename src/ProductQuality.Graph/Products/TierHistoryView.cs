using System.Globalization;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Products;

/// <summary>
/// A product's tier history as a reader reads it: a grading that changed nothing the reader can see is left out, as
/// <see cref="Enterprises.ClassHistoryView"/> leaves out class rows. A product is graded again whenever anything it
/// counts changes; a reader without inspections (or a county bureau, which reads no count over every county) read a
/// row identical to the one before it on each day its one maker was sampled, passed samplings included.
/// </summary>
internal static class TierHistoryView
{
    /// <summary>
    /// The rows (newest first) whose visible values differ from the row before them. <paramref name="whole"/>: the
    /// rows go back to the product's first grading, which is kept; else the oldest is only what the next is compared
    /// with (whether it changed anything is not known without the row before it).
    /// </summary>
    public static List<ProductTierAssessment> For(Audience audience, IReadOnlyList<ProductTierAssessment> newestFirst,
        bool whole)
    {
        var kept = new List<ProductTierAssessment>(newestFirst.Count);
        string? previous = null;
        for (var i = newestFirst.Count - 1; i >= 0; i--)
        {
            var seen = Visible(audience, newestFirst[i]);
            if (previous is null ? whole : seen != previous)
            {
                kept.Add(newestFirst[i]);
            }

            previous = seen;
        }

        kept.Reverse();
        return kept;
    }

    // What the reader reads of a row besides its date and reason: the values, and the explanation as rendered for it.
    // The reason does not count: it says how the row came to be written ("recomputed"), which alone dated a change
    // the reader cannot see.
    private static string Visible(Audience audience, ProductTierAssessment row)
    {
        var parts = new List<string?>
        {
            row.Tier.ToString(), row.RiskScore.ToString("R", CultureInfo.InvariantCulture),
            row.IsOverride.ToString(), row.OverrideExpiresOn?.ToString("O", CultureInfo.InvariantCulture),
        };
        if (ExplanationJson.Read(row.Explanation) is { } explanation)
        {
            parts.AddRange([explanation.Rule, explanation.Outcome, explanation.RulesVersion,
                audience.SummaryFor(explanation)]);
            parts.AddRange(audience.FactorsFor(explanation).SelectMany(f => new[] { f.Name, f.Value, f.Threshold,
                f.Effect }));
        }

        // A separator no text holds, so no two rows read alike by running one part into the next.
        return string.Join('\u001f', parts);
    }
}
