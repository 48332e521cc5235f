using GraphQL;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assured;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Rules.Timeline;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.History;

/// <summary>
/// An enterprise as it stood on a past day. The enterprise row caches only today's state, so the state columns of
/// the (untracked) row are replaced by what the histories known on that day say: the newest class record, the
/// management status, the last listing or removal, the assured grant still valid. What is in force on the day is
/// decided by <see cref="InForce"/>, as in the replay (<see cref="ReplayResult.StateOn"/>), here over the rows.
/// </summary>
public static class EnterpriseAsOf
{
    /// <summary>
    /// The enterprise on the day; null when it had no assessment by then (not yet a key-product enterprise).
    /// The histories come from the request's batch loaders, so the enterprise's <c>classHistory</c>,
    /// <c>blacklistHistory</c>, <c>assuredHistory</c> and explanations below reuse them instead of reading again.
    /// </summary>
    public static async Task<Enterprise?> RestoreAsync(IResolveFieldContext context, Enterprise enterprise, KnownOn on)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(enterprise);
        var ct = context.CancellationToken;
        var records = await context.ClassHistoryOf(enterprise.Id).GetResultAsync(ct);
        if (records.Count == 0)
        {
            return null;
        }

        var listings = await context.BlacklistHistoryOf(enterprise.Id).GetResultAsync(ct);
        var assured = await context.AssuredHistoryOf(enterprise.Id).GetResultAsync(ct);
        var management = await context.Db().ManagementRecords.AsNoTracking().RecordedBy(on)
            .Where(m => m.EnterpriseId == enterprise.Id)
            .OrderBy(m => m.EffectiveFrom).ThenBy(m => m.Id)
            .ToListAsync(ct);

        ApplyAssessment(enterprise, records);
        ApplyManagement(enterprise, management, on);
        ApplyBlacklist(enterprise, listings, on);
        ApplyAssured(enterprise, assured, on);
        return enterprise;
    }

    internal static void ApplyAssessment(Enterprise enterprise, IReadOnlyList<EnterpriseAssessmentRecord> newestFirst)
    {
        var latest = newestFirst[0];
        enterprise.Class = latest.Class;
        enterprise.HealthCode = latest.HealthCode;
        enterprise.MapColour = latest.MapColour;
        enterprise.QualityIndex = latest.QualityIndex;

        // A record is written whenever class, colour or index changes; the class took effect at the oldest record
        // of the unbroken run of records with this class.
        enterprise.ClassEffectiveFrom = newestFirst.TakeWhile(r => r.Class == latest.Class).Last().EffectiveFrom;
    }

    private static void ApplyManagement(Enterprise enterprise, List<ManagementRecord> oldestFirst, KnownOn on)
    {
        if (InForce.LatestOrFirst(oldestFirst, m => m.EffectiveFrom, on.Date) is { } record)
        {
            enterprise.Traceability = record.Traceability;
            enterprise.QualitySystem = record.QualitySystem;
        }
    }

    internal static void ApplyBlacklist(Enterprise enterprise, IReadOnlyList<BlacklistEvent> newestFirst, KnownOn on)
    {
        var last = InForce.Latest(newestFirst.Reverse(), b => b.OccurredOn, on.Date);
        enterprise.IsBlacklisted = last is { Kind: BlacklistEventKind.Listed };
        enterprise.BlacklistedSince = enterprise.IsBlacklisted ? last!.OccurredOn : null;
    }

    internal static void ApplyAssured(Enterprise enterprise, IReadOnlyList<AssuredEvent> newestFirst, KnownOn on)
    {
        var last = InForce.Latest(newestFirst.Reverse(), a => a.OccurredOn, on.Date);
        enterprise.IsAssured = last is { Kind: AssuredEventKind.Granted, ValidUntil: { } until } &&
            new AssuredGrant(last.OccurredOn, until).IsActiveOn(on.Date);
        enterprise.AssuredUntil = enterprise.IsAssured ? last!.ValidUntil : null;
    }
}
