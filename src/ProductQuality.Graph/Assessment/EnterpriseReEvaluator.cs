using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assured;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Replays a batch of enterprises from their stored facts and brings their derived histories (class records,
/// rule-derived blacklist events, assured events) and cached current columns in line with the replay: agreeing
/// rows stay, differing tails are superseded and the new rows appended, stamped <paramref name="now"/> when mapped,
/// with the change events the differences make (<see cref="EnterpriseChanges"/>). Saves nothing itself: the
/// caller's SaveChanges and transaction make the fact and its consequences one unit.
/// </summary>
internal sealed class EnterpriseReEvaluator(
    RulesOptions rules, ProductTierTimeline tiers, DateOnly today, DateTime now, Func<string, string> productName)
{
    private readonly EnterpriseReplay replay = new(rules, tiers, today, productName);

    /// <summary>Re-evaluates the enterprises; returns those whose state or history changed.</summary>
    /// <param name="dueFrom">For makers of products graded for days they fell due on: the first of those days.
    /// </param>
    public async Task<List<Enterprise>> ReEvaluateAsync(ProductQualityDbContext db, IReadOnlyCollection<int> ids,
        CancellationToken ct, IReadOnlyDictionary<int, DateOnly>? dueFrom = null)
    {
        var facts = await EnterpriseFactLoader.LoadAsync(db, ids, ct);
        var enterprises = await db.Enterprises.Where(e => ids.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(ct);
        var records = (await db.EnterpriseAssessments.AsNoTracking().Where(a => ids.Contains(a.EnterpriseId))
            .OrderBy(a => a.EffectiveFrom).ThenBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.EnterpriseId);
        var listings = (await db.BlacklistEvents.AsNoTracking()
            .Where(b => ids.Contains(b.EnterpriseId) && b.Source == BlacklistEventSource.Rule)
            .OrderBy(b => b.OccurredOn).ThenBy(b => b.Id).ToListAsync(ct)).ToLookup(b => b.EnterpriseId);
        var assured = (await db.AssuredEvents.AsNoTracking().Where(a => ids.Contains(a.EnterpriseId))
            .OrderBy(a => a.OccurredOn).ThenBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.EnterpriseId);
        var decisions = (await db.BlacklistEvents.AsNoTracking()
            .Where(b => ids.Contains(b.EnterpriseId) && b.Source == BlacklistEventSource.Decision)
            .OrderBy(b => b.OccurredOn).ThenBy(b => b.Id).ToListAsync(ct)).ToLookup(b => b.EnterpriseId);
        var decidedNow = DecidedInThisTransaction(db);
        var explanations = await db.CurrentExplanations.Where(e => ids.Contains(e.EnterpriseId))
            .ToDictionaryAsync(e => e.EnterpriseId, ct);

        var numbers = new BlacklistNumbers(db);
        var superseded = new Superseded();
        var changed = new List<Enterprise>();
        foreach (var enterprise in enterprises)
        {
            if (!facts.TryGetValue(enterprise.Id, out var set))
            {
                continue;
            }

            var result = replay.Replay(set);
            var id = enterprise.Id;
            var before = TimelineRows.StateOf(enterprise);
            var state = result.StateOn(today);
            TimelineRows.Apply(enterprise, state);
            // The days from the one it (or a product it makes) fell due on were not evaluated yet (missed days):
            // their changes are news, not corrections.
            var unevaluatedFrom = DueDay.FirstUnevaluated(enterprise.NextDueOn, today);
            if (dueFrom is not null && dueFrom.TryGetValue(id, out var productDue) && productDue < unevaluatedFrom)
            {
                unevaluatedFrom = productDue;
            }

            enterprise.NextDueOn = result.NextDue;
            // Today's explanations, changed or not with the values (a sampling leaving the window): what the
            // enterprise serves changed too. Tracked, so an unchanged one writes nothing.
            var stored = explanations.GetValueOrDefault(id);
            var (classBefore, indexBefore) = (stored?.ClassExplanation, stored?.IndexExplanation);
            var explanation = TimelineRows.Explanation(result, id, today, stored);
            if (stored is null)
            {
                db.CurrentExplanations.Add(explanation);
            }

            var any = state != before || explanation.ClassExplanation != classBefore
                || explanation.IndexExplanation != indexBefore;

            var fresh = result.Records.Select(r => TimelineRows.Row(r, id, now)).ToList();
            var (oldRecords, newRecords) = HistoryDiff.Compare(records[id].ToList(), fresh, SameRecord);
            any |= Apply(db, oldRecords, newRecords, superseded.Records, r => r.Id);
            var grants = result.Assured.OrderBy(e => e.OccurredOn).Select(r => TimelineRows.Row(r, id, now)).ToList();
            var (oldGrants, newGrants) = HistoryDiff.Compare(assured[id].ToList(), grants, SameAssured);
            any |= Apply(db, oldGrants, newGrants, superseded.Assured, r => r.Id);
            var derived = result.Listings.Select(r => TimelineRows.Row(r, id, now)).ToList();
            var (oldListings, newListings) = HistoryDiff.Compare(listings[id].ToList(), derived, SameListing);
            foreach (var e in newListings)
            {
                e.DecisionNumber = await numbers.NextAsync(e.Kind, e.OccurredOn, ct);
            }

            any |= Apply(db, oldListings, newListings, superseded.Listings, r => r.Id);
            EnterpriseChanges.Append(db, enterprise, today, unevaluatedFrom, now,
                new(records[id].ToList(), [.. listings[id], .. decisions[id].Where(d => !decidedNow.Contains(d.Id))],
                    assured[id].ToList()),
                new(fresh, [.. derived, .. decisions[id]], grants),
                result.TodaysFacts.Count > 0 ? ReasonJson.Serialize(result.TodaysFacts) : null);
            if (any)
            {
                changed.Add(enterprise);
            }
        }

        await superseded.WriteAsync(db, now, ct);
        return changed;
    }

    // The regulator's decisions staged by the write being re-evaluated: the change events report them as new. The
    // write's context tracks only what it added (reads here are untracked; each write clears the tracker after it).
    private static HashSet<long> DecidedInThisTransaction(ProductQualityDbContext db) =>
        db.ChangeTracker.Entries<BlacklistEvent>().Where(e => e.Entity.Source == BlacklistEventSource.Decision)
            .Select(e => e.Entity.Id).ToHashSet();

    // The fresh rows come mapped for this enterprise and stamped now; the stale ones are superseded in one UPDATE.
    private static bool Apply<T>(
        ProductQualityDbContext db, IReadOnlyList<T> old, IReadOnlyList<T> added, List<long> supersede,
        Func<T, long> id)
        where T : class
    {
        supersede.AddRange(old.Select(id));
        db.AddRange(added);
        return old.Count > 0 || added.Count > 0;
    }

    private static bool SameRecord(EnterpriseAssessmentRecord a, EnterpriseAssessmentRecord b) =>
        a.EffectiveFrom == b.EffectiveFrom && a.Class == b.Class && a.HealthCode == b.HealthCode &&
        a.MapColour == b.MapColour && a.QualityIndex.Equals(b.QualityIndex) && a.IsOverride == b.IsOverride &&
        a.OverrideExpiresOn == b.OverrideExpiresOn && a.ClassExplanation == b.ClassExplanation &&
        a.IndexExplanation == b.IndexExplanation && a.RulesVersion == b.RulesVersion;

    private static bool SameAssured(AssuredEvent a, AssuredEvent b) =>
        a.Kind == b.Kind && a.OccurredOn == b.OccurredOn && a.ValidUntil == b.ValidUntil &&
        a.Explanation == b.Explanation;

    private static bool SameListing(BlacklistEvent a, BlacklistEvent b) =>
        a.Kind == b.Kind && a.OccurredOn == b.OccurredOn && a.ReasonCategory == b.ReasonCategory &&
        a.Explanation == b.Explanation;

    // The ids of the rows a batch supersedes, written with one UPDATE per table.
    private sealed class Superseded
    {
        public List<long> Records { get; } = [];
        public List<long> Listings { get; } = [];
        public List<long> Assured { get; } = [];

        public async Task WriteAsync(ProductQualityDbContext db, DateTime now, CancellationToken ct)
        {
            if (Records.Count > 0)
            {
                await db.EnterpriseAssessments.Where(r => Records.Contains(r.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.SupersededAtUtc, now), ct);
            }

            if (Listings.Count > 0)
            {
                await db.BlacklistEvents.Where(r => Listings.Contains(r.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.SupersededAtUtc, now), ct);
            }

            if (Assured.Count > 0)
            {
                await db.AssuredEvents.Where(r => Assured.Contains(r.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.SupersededAtUtc, now), ct);
            }
        }
    }
}
