using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>
/// Replays the blacklist (黑名单) of one enterprise: the regulator's own listing and removal decisions take effect
/// on their dates; besides them, <see cref="BlacklistRule"/> lists on the day a trigger appears and removes on the
/// first day the removal rule allows (for any listing). A trigger from before a removal never lists again. Only
/// the rule's events are produced here — decided events are facts already stored. They carry no document number:
/// the host assigns one, because only events that are new to its register need one.
/// </summary>
public sealed class BlacklistTracker(
    BlacklistRule rule,
    BlacklistFacts facts,
    IReadOnlyList<DateOnly> violations,
    IReadOnlyList<BlacklistDecisionFact> decisions)
{
    private readonly List<ListingRecord> events = [];
    private DateOnly? lastRemoval;
    private BlacklistReason reason;

    public bool Listed { get; private set; }
    public DateOnly? ListedOn { get; private set; }

    /// <summary>Events the rule derived (not the decided ones).</summary>
    public IReadOnlyList<ListingRecord> Events => events;

    /// <summary>Updates the state on <paramref name="asOf"/>; returns the date to look again, if any.</summary>
    public DateOnly? Update(DateOnly asOf)
    {
        foreach (var decision in decisions.Where(d => d.Date == asOf))
        {
            Decide(decision, asOf);
        }

        if (!Listed)
        {
            var listing = rule.EvaluateListing(facts with { AsOf = asOf, RemovedOn = lastRemoval });
            if (!listing.Listed)
            {
                return null;
            }

            var trigger = listing.Triggers[^1];
            Listed = true;
            ListedOn = asOf;
            reason = trigger.Reason;
            List<SummaryClause> text = [new("列入黑名单 Listed", [FactGroup.BlacklistStatus]), .. trigger.Parts];
            events.Add(Event(BlacklistEventKind.Listed, asOf, text, listing.Explanation));
        }

        var listedOn = ListedOn!.Value;
        var since = violations.Where(v => v > listedOn && v <= asOf).ToList();
        var removal = rule.EvaluateRemoval(new BlacklistRemovalFacts(listedOn, asOf, since));
        if (!removal.Eligible)
        {
            return removal.EligibleFrom;
        }

        Listed = false;
        lastRemoval = asOf;
        List<SummaryClause> removed =
            [new("移出黑名单 Removed", [FactGroup.BlacklistStatus]), .. removal.Explanation.Clauses ?? []];
        events.Add(Event(BlacklistEventKind.Removed, asOf, removed, removal.Explanation));
        return null;
    }

    private void Decide(BlacklistDecisionFact decision, DateOnly asOf)
    {
        if (decision.Kind == BlacklistEventKind.Listed && !Listed)
        {
            Listed = true;
            ListedOn = asOf;
            reason = decision.ReasonCategory;
        }
        else if (decision.Kind == BlacklistEventKind.Removed && Listed)
        {
            Listed = false;
            lastRemoval = asOf;
        }
    }

    private ListingRecord Event(BlacklistEventKind kind, DateOnly on, IReadOnlyList<SummaryClause> text,
        Explanation explanation) =>
        new(kind, on, reason, text, explanation);
}
