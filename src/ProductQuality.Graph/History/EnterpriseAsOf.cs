using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assured;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;

namespace ProductQuality.Graph.History;

/// <summary>
/// An enterprise as it stood on a past day. The enterprise row caches only today's state, so the state columns of
/// the (untracked) row are replaced by what the histories known on that day say: the newest class record, the
/// management status, the last listing or removal, the assured grant still valid. The same derivation as
/// <see cref="Assessment.ReplayResult.ApplyTo"/>, read back from the rows instead of from a replay.
/// </summary>
public static class EnterpriseAsOf
{
    /// <summary>The enterprise on the day; null when it had no assessment by then (not yet a key-product enterprise).</summary>
    public static async Task<Enterprise?> RestoreAsync(ProductQualityDbContext db, Enterprise enterprise, KnownOn on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(enterprise);
        var id = enterprise.Id;
        var records = await db.EnterpriseAssessments.AsNoTracking().InForceOn(on, a => a.EffectiveFrom)
            .Where(a => a.EnterpriseId == id)
            .OrderByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.Id)
            .ToListAsync(ct);
        if (records.Count == 0)
        {
            return null;
        }

        ApplyAssessment(enterprise, records);
        await ApplyManagementAsync(db, enterprise, on, ct);
        await ApplyBlacklistAsync(db, enterprise, on, ct);
        await ApplyAssuredAsync(db, enterprise, on, ct);
        return enterprise;
    }

    private static void ApplyAssessment(Enterprise enterprise, List<EnterpriseAssessmentRecord> newestFirst)
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

    private static async Task ApplyManagementAsync(ProductQualityDbContext db, Enterprise enterprise, KnownOn on, CancellationToken ct)
    {
        var known = db.ManagementRecords.AsNoTracking().RecordedBy(on).Where(m => m.EnterpriseId == enterprise.Id);

        // As the replay does: the status in force on the day, or the first one recorded when the day precedes it.
        var record = await known.Where(m => m.EffectiveFrom <= on.Date).OrderByDescending(m => m.EffectiveFrom).ThenByDescending(m => m.Id).FirstOrDefaultAsync(ct)
            ?? await known.OrderBy(m => m.EffectiveFrom).ThenBy(m => m.Id).FirstOrDefaultAsync(ct);
        if (record is not null)
        {
            enterprise.Traceability = record.Traceability;
            enterprise.QualitySystem = record.QualitySystem;
        }
    }

    private static async Task ApplyBlacklistAsync(ProductQualityDbContext db, Enterprise enterprise, KnownOn on, CancellationToken ct)
    {
        var last = await db.BlacklistEvents.AsNoTracking().InForceOn(on, b => b.OccurredOn)
            .Where(b => b.EnterpriseId == enterprise.Id)
            .OrderByDescending(b => b.OccurredOn).ThenByDescending(b => b.Id)
            .FirstOrDefaultAsync(ct);
        enterprise.IsBlacklisted = last is { Kind: BlacklistEventKind.Listed };
        enterprise.BlacklistedSince = enterprise.IsBlacklisted ? last!.OccurredOn : null;
    }

    private static async Task ApplyAssuredAsync(ProductQualityDbContext db, Enterprise enterprise, KnownOn on, CancellationToken ct)
    {
        var last = await db.AssuredEvents.AsNoTracking().InForceOn(on, a => a.OccurredOn)
            .Where(a => a.EnterpriseId == enterprise.Id)
            .OrderByDescending(a => a.OccurredOn).ThenByDescending(a => a.Id)
            .FirstOrDefaultAsync(ct);
        enterprise.IsAssured = last is { Kind: AssuredEventKind.Granted, ValidUntil: { } until } && until >= on.Date;
        enterprise.AssuredUntil = enterprise.IsAssured ? last!.ValidUntil : null;
    }
}
