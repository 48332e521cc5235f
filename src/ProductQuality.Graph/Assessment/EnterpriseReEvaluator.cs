using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assured;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Replays a batch of enterprises from their stored facts and brings their derived histories (class records,
/// rule-derived blacklist events, assured events) and cached current columns in line with the replay: agreeing
/// rows stay, differing tails are superseded and the new rows appended, stamped <paramref name="now"/>.
/// Saves nothing itself: the caller's SaveChanges and transaction make the fact and its consequences one unit.
/// </summary>
internal sealed class EnterpriseReEvaluator(RulesOptions rules, ProductTierTimeline tiers, DateOnly today, DateTime now, Func<string, string> productName)
{
    private readonly EnterpriseReplay replay = new(rules, tiers, today, productName);

    /// <summary>Re-evaluates the enterprises; returns those whose state or history changed.</summary>
    public async Task<List<Enterprise>> ReEvaluateAsync(ProductQualityDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var facts = await EnterpriseFactLoader.LoadAsync(db, ids, ct);
        var enterprises = await db.Enterprises.Where(e => ids.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(ct);
        var records = (await db.EnterpriseAssessments.AsNoTracking().Where(a => ids.Contains(a.EnterpriseId))
            .OrderBy(a => a.EffectiveFrom).ThenBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.EnterpriseId);
        var listings = (await db.BlacklistEvents.AsNoTracking().Where(b => ids.Contains(b.EnterpriseId) && b.Source == BlacklistEventSource.Rule)
            .OrderBy(b => b.OccurredOn).ThenBy(b => b.Id).ToListAsync(ct)).ToLookup(b => b.EnterpriseId);
        var assured = (await db.AssuredEvents.AsNoTracking().Where(a => ids.Contains(a.EnterpriseId))
            .OrderBy(a => a.OccurredOn).ThenBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.EnterpriseId);

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
            var before = CachedState.Of(enterprise);
            result.ApplyTo(enterprise, today);
            var any = CachedState.Of(enterprise) != before;
            any |= Apply(db, enterprise.Id, records[enterprise.Id].ToList(), result.Records, SameRecord, superseded.Records, r => r.Id);
            any |= Apply(db, enterprise.Id, assured[enterprise.Id].ToList(), result.AssuredEvents.OrderBy(e => e.OccurredOn).ToList(), SameAssured, superseded.Assured, r => r.Id);
            var (oldListings, newListings) = HistoryDiff.Compare(listings[enterprise.Id].ToList(), result.BlacklistEvents, SameListing);
            foreach (var e in newListings)
            {
                e.DecisionNumber = await numbers.NextAsync(e.Kind, e.OccurredOn, ct);
            }

            any |= Apply(db, enterprise.Id, oldListings, newListings, superseded.Listings, r => r.Id);
            if (any)
            {
                changed.Add(enterprise);
            }
        }

        await superseded.WriteAsync(db, now, ct);
        return changed;
    }

    private bool Apply<T>(ProductQualityDbContext db, int enterpriseId, IReadOnlyList<T> stored, IReadOnlyList<T> fresh, Func<T, T, bool> same, List<long> supersede, Func<T, long> id)
        where T : class
    {
        var (old, added) = HistoryDiff.Compare(stored, fresh, same);
        return Apply(db, enterpriseId, old, added, supersede, id);
    }

    private bool Apply<T>(ProductQualityDbContext db, int enterpriseId, IReadOnlyList<T> old, IReadOnlyList<T> added, List<long> supersede, Func<T, long> id)
        where T : class
    {
        supersede.AddRange(old.Select(id));
        foreach (var row in added)
        {
            db.Entry(row).Property("EnterpriseId").CurrentValue = enterpriseId;
            db.Entry(row).Property("RecordedAtUtc").CurrentValue = now;
            db.Add(row);
        }

        return old.Count > 0 || added.Count > 0;
    }

    private static bool SameRecord(EnterpriseAssessmentRecord a, EnterpriseAssessmentRecord b) =>
        a.EffectiveFrom == b.EffectiveFrom && a.Class == b.Class && a.HealthCode == b.HealthCode && a.MapColour == b.MapColour &&
        a.QualityIndex.Equals(b.QualityIndex) && a.IsOverride == b.IsOverride && a.OverrideExpiresOn == b.OverrideExpiresOn &&
        a.ClassExplanation == b.ClassExplanation && a.IndexExplanation == b.IndexExplanation && a.RulesVersion == b.RulesVersion;

    private static bool SameAssured(AssuredEvent a, AssuredEvent b) =>
        a.Kind == b.Kind && a.OccurredOn == b.OccurredOn && a.ValidUntil == b.ValidUntil && a.Explanation == b.Explanation;

    private static bool SameListing(BlacklistEvent a, BlacklistEvent b) =>
        a.Kind == b.Kind && a.OccurredOn == b.OccurredOn && a.ReasonCategory == b.ReasonCategory && a.Explanation == b.Explanation;

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
                await db.EnterpriseAssessments.Where(r => Records.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.SupersededAtUtc, now), ct);
            }

            if (Listings.Count > 0)
            {
                await db.BlacklistEvents.Where(r => Listings.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.SupersededAtUtc, now), ct);
            }

            if (Assured.Count > 0)
            {
                await db.AssuredEvents.Where(r => Assured.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.SupersededAtUtc, now), ct);
            }
        }
    }
}
