using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Rules;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Re-evaluates everything as of today — after a rules change, or nightly so that windows that ran out and
/// overrides that expired show in the cached state: every product's tier, then every enterprise from its facts in
/// batches (one transaction each, change tracker cleared, so memory stays flat), then every region. Agreeing
/// rows are left alone, so a database whose facts and rules have not changed is left exactly as it was. Each
/// transaction takes the lock a live write takes (<see cref="AssessmentTransaction"/>), and each batch reads the
/// product tiers under it, so a write committed between batches is neither overwritten nor replayed from stale tiers.
/// </summary>
public sealed class Recomputer(RulesOptions rules)
{
    /// <summary>Enterprises per transaction at most; the <c>recompute</c> verb takes <c>Maintenance:BatchSize</c>,
    /// as the daily re-evaluation does, so a live write waits at most one batch of the size the operator chose (and
    /// about <see cref="BatchTime"/> when batches of that size take longer).</summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>
    /// How long one batch may hold the write lock: a batch that takes longer makes the next smaller, down to
    /// <see cref="SmallestBatch"/>, and a quicker one lets it grow back to <see cref="BatchSize"/>. Sized in
    /// enterprises alone, a batch of 500 with 600,000 inspections held writes on a second server 6–9 s (the
    /// PostgreSQL probe).
    /// </summary>
    public TimeSpan BatchTime { get; init; } = TimeSpan.FromSeconds(1);

    private const int SmallestBatch = 10;

    // SQLite hands its write lock to no one in turn: a writer waiting for it polls (SQLite's busy handler sleeps up to
    // 100 ms, Microsoft.Data.Sqlite's retry 150 ms), and a batch begun the moment the last one committed took the lock
    // again first. Beside a running server, recompute kept the access log's writer out for 10 s and plain reads
    // failed 503 ACCESS_LOG_UNAVAILABLE (the probe of recent changes). A pause longer than either poll lets the
    // waiting writes in; PostgreSQL queues lock waits, and needs none.
    // The daily re-evaluation's batches take the same pause.
    internal static readonly TimeSpan SqliteTurn = TimeSpan.FromMilliseconds(200);

    public async Task<RecomputeSummary> RunAsync(
        ProductQualityDbContext db, DateOnly today, DateTime now, IProgress<RecomputeProgress>? progress,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var clock = Stopwatch.StartNew();
        progress?.Report(new RecomputeProgress("products", 0, 1));
        var grader = new ProductGrader(rules, today, now);
        var products = await AssessmentTransaction.RunAsync(
            db, async () => (await grader.GradeAsync(db, null, TierReasons.Recomputed, ct)).Changed, ct);
        progress?.Report(new RecomputeProgress("products", 1, 1));

        var names = await db.Products.AsNoTracking()
            .ToDictionaryAsync(p => p.Code, p => p.NameZh, StringComparer.Ordinal, ct);
        var ids = await db.Enterprises.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
        var enterprises = 0;
        var size = BatchSize;
        for (var first = 0; first < ids.Count;)
        {
            var batch = ids.GetRange(first, Math.Min(size, ids.Count - first));
            var started = Stopwatch.GetTimestamp();
            enterprises += await AssessmentTransaction.RunAsync(
                db, () => ReEvaluateAsync(db, batch, names, today, now, ct), ct);
            size = NextBatchSize(size, Stopwatch.GetElapsedTime(started));
            first += batch.Count;
            progress?.Report(new RecomputeProgress("enterprises", first, ids.Count));
            if (!db.IsPostgreSql && first < ids.Count)
            {
                await Task.Delay(SqliteTurn, ct);
            }
        }

        progress?.Report(new RecomputeProgress("regions", 0, 1));
        var reassessor = new RegionReassessor(rules, today, now);
        var regions = await AssessmentTransaction.RunAsync(db, () => reassessor.ReassessAsync(db, null, ct), ct);
        progress?.Report(new RecomputeProgress("regions", 1, 1));
        return new RecomputeSummary(ids.Count, enterprises, names.Count, products, regions, clock.Elapsed);
    }

    /// <summary>The next batch's size, from how long one of <paramref name="size"/> held the lock.</summary>
    internal int NextBatchSize(int size, TimeSpan took)
    {
        var smallest = Math.Min(SmallestBatch, BatchSize);
        return took <= BatchTime
            ? Math.Min(BatchSize, Math.Max(size * 2, smallest))
            : Math.Clamp((int)(size * (BatchTime / took)), smallest, BatchSize);
    }

    private async Task<int> ReEvaluateAsync(
        ProductQualityDbContext db, List<int> batch, Dictionary<string, string> names,
        DateOnly today, DateTime now, CancellationToken ct)
    {
        var tiers = await TierTimelineLoader.LoadAsync(db, null, ct);
        var evaluator = new EnterpriseReEvaluator(
            rules, tiers, today, now, code => names.GetValueOrDefault(code, code));
        return (await evaluator.ReEvaluateAsync(db, batch, ct)).Count;
    }
}
