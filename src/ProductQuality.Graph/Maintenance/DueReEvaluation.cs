using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Maintenance;

/// <summary>
/// Re-evaluates every product and enterprise whose next due day has come, through the live writes' path
/// (<see cref="ReEvaluator"/>: tiers, makers of products whose tier changed, enterprises, their regions) and lock. Each
/// batch picks its rows under the lock (<see cref="AssessmentTransaction"/>) in a transaction of its own, so two
/// servers on one PostgreSQL take turns and never replay the same rows twice, and a write waits at most one batch.
/// A re-evaluated row's next due day is after today, so the run ends; rows are also taken in id order as a backstop.
/// </summary>
public sealed class DueReEvaluation(ReEvaluator reEvaluator, ILogger<DueReEvaluation> logger)
{
    public async Task<DueRunSummary> RunAsync(
        ProductQualityDbContext db, DateOnly today, int batchSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var clock = Stopwatch.StartNew();
        var due = await DueAsync(db, today, ct);
        // The day as ISO text: a DateOnly in the structured state came out "12/05/2026" in JSON logs.
        logger.LogInformation("Daily re-evaluation for {Today}: {Due} enterprises due.", Iso(today), due);

        // Products first: a tier that changes today moves its makers' colours, and ReEvaluator replays them with it.
        var (products, first, replayed) = await InBatchAsync(db, async () =>
        {
            var codes = await db.Products.Where(p => p.NextDueOn <= today)
                .OrderBy(p => p.Code).Select(p => p.Code).ToListAsync(ct);
            if (codes.Count == 0)
            {
                return (0, ReEvaluation.None, 0);
            }

            // The due makers replayed with their products, counted under the lock that keeps other servers out.
            var before = await DueAsync(db, today, ct);
            var result = await reEvaluator.ReEvaluateAsync(db, new Touched([], codes) { ProductsDue = true }, ct);
            return (codes.Count, result, before - await DueAsync(db, today, ct));
        }, ct);
        // Makers of re-graded products were replayed with them and are due no more: the progress counts what is left
        // ("248 of 249 due enterprises done" read as one skipped), and "changed" only what it counts as done (it
        // began with the makers' changes: "500 of 2127 due enterprises done, 790 changed").
        var left = await DueAsync(db, today, ct);
        if (products > 0)
        {
            logger.LogInformation("Daily re-evaluation for {Today}: {Products} products due, {ProductsChanged} of "
                + "them re-graded ({Gradings} gradings added); {Makers} makers of products whose tier changed "
                + "re-evaluated with them ({Replayed} of these due, {MakersChanged} changed); {Left} due enterprises "
                + "left.", Iso(today), products, first.ProductsChanged, first.Gradings, first.Enterprises, replayed,
                first.EnterprisesChanged, left);
        }

        var (done, changed, regions, batches, after) = (0, 0, first.RegionsChanged, 1, 0);
        while (true)
        {
            var (ids, result) = await InBatchAsync(db, async () =>
            {
                var batch = await db.Enterprises.Where(e => e.NextDueOn <= today && e.Id > after)
                    .OrderBy(e => e.Id).Select(e => e.Id).Take(batchSize).ToListAsync(ct);
                return (batch, batch.Count == 0
                    ? ReEvaluation.None
                    : await reEvaluator.ReEvaluateAsync(db, new Touched(batch, []), ct));
            }, ct);
            if (ids.Count == 0)
            {
                break;
            }

            after = ids[^1];
            done += ids.Count;
            changed += result.EnterprisesChanged;
            regions += result.RegionsChanged;
            batches++;
            logger.LogInformation(
                "Daily re-evaluation for {Today}: {Done} of {Left} due enterprises done, {Changed} of them changed.",
                Iso(today), done, left, changed);
            if (!db.IsPostgreSql)
            {
                // As recompute does: a batch begun the moment the last committed took SQLite's write lock again first,
                // and the requests' access log entries waiting for it were refused after 10 s (the cost probe).
                await Task.Delay(Recomputer.SqliteTurn, ct);
            }
        }

        var summary = new DueRunSummary(today, products, first.ProductsChanged, first.Gradings,
            first.Enterprises + done, replayed + done, first.EnterprisesChanged + changed, regions, batches,
            clock.Elapsed);
        logger.LogInformation("{Summary}", summary.ToString());
        return summary;
    }

    // One transaction: the lock first (the rows are picked under it), then the work, then commit; the change tracker
    // is cleared so a long run keeps its memory flat.
    private static async Task<T> InBatchAsync<T>(ProductQualityDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await AssessmentTransaction.LockAsync(db, ct);
        var result = await work();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return result;
    }

    private static Task<int> DueAsync(ProductQualityDbContext db, DateOnly today, CancellationToken ct) =>
        db.Enterprises.CountAsync(e => e.NextDueOn <= today, ct);

    private static string Iso(DateOnly day) =>
        day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
