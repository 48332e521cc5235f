using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Enterprises;

/// <summary>
/// An enterprise's history as a contract reads it: an evaluation that changed nothing the contract can see is left
/// out. Once mapColour left the health group, tax still read a dated row, identical to the one before it and
/// "re-evaluated", on the day a product's tier moved — for every maker of that product at once, which dated the tier
/// change it may not see.
/// </summary>
internal static class ClassHistoryView
{
    private const string Neutral = "re-evaluated (重新评定)";

    /// <summary>The rows (newest first) whose visible values or reason differ from the row before them.</summary>
    public static IReadOnlyList<EnterpriseAssessmentRecord> For(SchemaContract contract,
        IReadOnlyList<EnterpriseAssessmentRecord> newestFirst)
    {
        if (contract.Sees(FieldGroup.ProductTiers) || newestFirst.Count < 2)
        {
            return newestFirst;
        }

        var kept = new List<EnterpriseAssessmentRecord>(newestFirst.Count);
        (object Values, string? Reason)? previous = null;
        for (var i = newestFirst.Count - 1; i >= 0; i--)
        {
            var row = newestFirst[i];
            var seen = Visible(contract, row);
            // A reason the contract reads only as "re-evaluated" tells nothing by itself: unless a value it sees
            // changed, the row only dates a hidden change (the first classification's own reason once made the row
            // after it look new).
            if (previous is not { } before || !seen.Values.Equals(before.Values)
                || (seen.Reason is not null && seen.Reason != before.Reason))
            {
                kept.Add(row);
            }

            previous = seen;
        }

        kept.Reverse();
        return kept;
    }

    // What the contract reads of a row besides its date: its values, and its reason unless that is the neutral one.
    private static (object Values, string? Reason) Visible(SchemaContract contract, EnterpriseAssessmentRecord row)
    {
        var health = contract.Sees(FieldGroup.Health);
        return ((row.Class, row.IsOverride, row.OverrideExpiresOn, row.RulesVersion,
            health ? row.HealthCode : default, health ? row.QualityIndex : default), TellingReason(contract, row));
    }

    // The parts of the reason the contract reads that state a fact, or null: "upgrade deferred under the principle"
    // is the outcome of the day's facts, and alone on a row with no value changed it only dated a hidden tier change
    // or a sampling the contract may not read (the re-probe: 4 rows for tax).
    private static string? TellingReason(SchemaContract contract, EnterpriseAssessmentRecord row)
    {
        var reason = contract.ReasonFor(row.Reason, Neutral,
            part => !Rules.Timeline.ReasonWriter.IsTransition(part.Text));
        return reason == Neutral ? null : reason;
    }
}
