using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Rules.Blacklist;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Replays the blacklist (黑名单) of one enterprise through <see cref="BlacklistRule"/>: listed on the day
/// a trigger appears, removed on the first day the removal rule allows; a trigger from before a removal
/// never lists again. Removal is a new event, never a delete.
/// </summary>
internal sealed class BlacklistTracker(BlacklistRule rule, BlacklistFacts facts, IReadOnlyList<DateOnly> violations, NumberSequences numbers)
{
    private DateOnly? lastRemoval;

    public bool Listed { get; private set; }
    public DateOnly? ListedOn { get; private set; }
    public List<BlacklistEvent> Events { get; } = [];

    /// <summary>Updates the state on <paramref name="asOf"/>; returns the date to look again, if any.</summary>
    public DateOnly? Update(DateOnly asOf)
    {
        if (!Listed)
        {
            var listing = rule.EvaluateListing(facts with { AsOf = asOf });
            var trigger = listing.Triggers.LastOrDefault(t => lastRemoval is null || t.Date > lastRemoval);
            if (trigger is null)
            {
                return null;
            }

            Listed = true;
            ListedOn = asOf;
            Events.Add(new BlacklistEvent
            {
                Kind = BlacklistEventKind.Listed, OccurredOn = asOf, ReasonCategory = trigger.Reason,
                Reason = $"列入黑名单 Listed: {trigger.Description}",
                DecisionNumber = numbers.Document("嘉市监列黑", asOf), RecordedAtUtc = Stamp.At(asOf, 4),
            });
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
        Events.Add(new BlacklistEvent
        {
            Kind = BlacklistEventKind.Removed, OccurredOn = asOf, ReasonCategory = Events[^1].ReasonCategory,
            Reason = $"移出黑名单 Removed: {removal.Explanation.Summary}",
            DecisionNumber = numbers.Document("嘉市监移黑", asOf), RecordedAtUtc = Stamp.At(asOf, 4),
        });
        return null;
    }
}
