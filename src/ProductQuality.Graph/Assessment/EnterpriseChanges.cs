using ProductQuality.Graph.Assured;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// The change events of one re-evaluated enterprise: each kind's history as stored before and as it stands after
/// the history diff, projected to the dates its value changes (<see cref="StepChanges"/>). The blacklist history is
/// the rule's listings and removals with the regulator's decisions among them, so a decided listing is a change too.
/// </summary>
internal static class EnterpriseChanges
{
    private const string Listed = "Listed on the blacklist (列入黑名单)";
    private const string Removed = "Removed from the blacklist (移出黑名单)";

    private static readonly ChangeKind[] AssessedKinds =
        [ChangeKind.Class, ChangeKind.HealthCode, ChangeKind.MapColour, ChangeKind.QualityIndex];

    public static void Append(
        ProductQualityDbContext db, Enterprise enterprise, DateOnly today, DateOnly unevaluatedFrom, DateTime now,
        Histories stored, Histories current, string? todaysFacts = null)
    {
        // Today's evaluation's reason (its facts, each reader seeing those it may): why a change reported earlier
        // today was taken back by a later write of the day, for every kind — an assured title given back when a
        // same-day listing was withdrawn said only "re-evaluated", to the public too (the re-probe). Without a row of
        // today (an override set and withdrawn the same day leaves none), today's facts say it (the domain probe).
        var dayReason = current.Records.LastOrDefault(r => r.EffectiveFrom == today)?.Reason ?? todaysFacts;
        foreach (var kind in AssessedKinds)
        {
            ChangeLog.Enterprise(db, enterprise, kind, Steps(stored.Records, kind), Steps(current.Records, kind),
                today, unevaluatedFrom, now, dayReason);
        }

        ChangeLog.Enterprise(db, enterprise, ChangeKind.Blacklist, Steps(stored.Listings), Steps(current.Listings),
            today, unevaluatedFrom, now, dayReason);
        ChangeLog.Enterprise(db, enterprise, ChangeKind.Assured, Steps(stored.Assured), Steps(current.Assured),
            today, unevaluatedFrom, now, dayReason);
    }

    private static List<Step> Steps(IEnumerable<EnterpriseAssessmentRecord> records, ChangeKind kind) =>
        records.Select(r => new Step(r.EffectiveFrom, kind switch
        {
            ChangeKind.Class => ChangeValues.Of(r.Class),
            ChangeKind.HealthCode => ChangeValues.Of(r.HealthCode),
            ChangeKind.MapColour => ChangeValues.Of(r.MapColour),
            _ => ChangeValues.Of(r.QualityIndex),
        }, null, r.Reason)).ToList();

    private static List<Step> Steps(IEnumerable<AssuredEvent> events) =>
        events.Select(e => new Step(e.OccurredOn, ChangeValues.Of(e.Kind), e.ValidUntil, e.Reason)).ToList();

    // On one day a decision comes after the rule's own event: the regulator's word is the last on that day.
    private static List<Step> Steps(IEnumerable<BlacklistEvent> events) =>
        events.OrderBy(e => e.OccurredOn).ThenBy(e => e.Source == BlacklistEventSource.Decision ? 1 : 0)
            .Select(e => e.Kind == BlacklistEventKind.Listed
                ? new Step(e.OccurredOn, ChangeValues.Listed, null, Reason(Listed, e))
                : new Step(e.OccurredOn, ChangeValues.NotListed, null, Reason(Removed, e)))
            .ToList();

    // The event is published (blacklist status); why is told as BlacklistEvent.reason tells it: the rule's parts,
    // each with its facts' group (its own headline left out, this one says it), or the regulator's words, which are
    // blacklist detail.
    private static string Reason(string headline, BlacklistEvent e)
    {
        IEnumerable<SummaryClause> why = ReasonJson.Read(e.Reason) is { } parts
            ? parts.Where(p => p.Groups is not [FactGroup.BlacklistStatus])
            : [new SummaryClause(e.Reason, [FactGroup.BlacklistDetail])];
        return ReasonJson.Serialize([new SummaryClause(headline, [FactGroup.BlacklistStatus]), .. why]);
    }

    /// <summary>An enterprise's derived histories, each in date order.</summary>
    internal sealed record Histories(
        IReadOnlyList<EnterpriseAssessmentRecord> Records,
        IReadOnlyList<BlacklistEvent> Listings,
        IReadOnlyList<AssuredEvent> Assured);
}
