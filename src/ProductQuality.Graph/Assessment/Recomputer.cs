using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Re-evaluates everything as of today — after a rules change, or nightly so that windows that ran out and
/// overrides that expired show in the cached state: every product's tier, then every enterprise from its facts in
/// batches (one transaction each, change tracker cleared, so memory stays flat), then every region. Agreeing
/// rows are left alone, so a database whose facts and rules have not changed is left exactly as it was.
/// </summary>
public sealed class Recomputer(RulesOptions rules)
{
    public const int BatchSize = 1_000;

    public async Task<RecomputeSummary> RunAsync(ProductQualityDbContext db, DateOnly today, DateTime now, IProgress<RecomputeProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var clock = Stopwatch.StartNew();
        progress?.Report(new RecomputeProgress("products", 0, 1));
        var products = await InTransaction(db, async () => (await new ProductGrader(rules, today, now).GradeAsync(db, null, "重新计算 recomputed", ct)).Changed, ct);
        progress?.Report(new RecomputeProgress("products", 1, 1));

        var tiers = await TierTimelineLoader.LoadAsync(db, null, ct);
        var names = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.NameZh, StringComparer.Ordinal, ct);
        var evaluator = new EnterpriseReEvaluator(rules, tiers, today, now, code => names.GetValueOrDefault(code, code));
        var ids = await db.Enterprises.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
        var enterprises = 0;
        for (var first = 0; first < ids.Count; first += BatchSize)
        {
            var batch = ids.GetRange(first, Math.Min(BatchSize, ids.Count - first));
            enterprises += await InTransaction(db, async () => (await evaluator.ReEvaluateAsync(db, batch, ct)).Count, ct);
            progress?.Report(new RecomputeProgress("enterprises", first + batch.Count, ids.Count));
        }

        progress?.Report(new RecomputeProgress("regions", 0, 1));
        var regions = await InTransaction(db, () => new RegionReassessor(rules, today, now).ReassessAsync(db, null, ct), ct);
        progress?.Report(new RecomputeProgress("regions", 1, 1));
        return new RecomputeSummary(ids.Count, enterprises, names.Count, products, regions, clock.Elapsed);
    }

    private static async Task<int> InTransaction(ProductQualityDbContext db, Func<Task<int>> work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await work();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return changed;
    }
}
