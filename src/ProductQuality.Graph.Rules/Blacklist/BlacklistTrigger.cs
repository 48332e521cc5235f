using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Blacklist;

/// <summary>One event that makes an enterprise eligible for the blacklist.</summary>
/// <param name="Reason">The reason category.</param>
/// <param name="Date">Date of the triggering event (the repeat failure, or the decision).</param>
/// <param name="Reference">The decision number, or the product id for a repeat failure.</param>
/// <param name="Parts">
/// The trigger in words, each part tagged with the facts it states: the category and the rectification order are
/// blacklist detail, the failed sampling behind a repeat failure is an inspection, and the enforcement decision
/// behind a serious violation is the regulator's own (ACCESS.md: text is data).
/// </param>
public sealed record BlacklistTrigger(
    BlacklistReason Reason, DateOnly Date, string Reference, IReadOnlyList<SummaryClause> Parts)
{
    /// <summary>Every part, as the regulator reads it.</summary>
    public string Description => string.Join("; ", Parts.Select(p => p.Text));
}
