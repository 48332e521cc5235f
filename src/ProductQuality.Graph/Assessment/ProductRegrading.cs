using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Grades products from a day before today up to today, as the server would have had it graded them every day in
/// between: on that day, then on each day one of them was due (a fact leaving its window or coming into force, an
/// override ending), each grading dated on its own day. Two cases need it. A fact dated in the past (a sampling
/// recorded late) changes the product from its date: what was graded from then on counted without it, so it is
/// superseded and graded again. And a daily re-evaluation that did not run (the server was down) catches up: the
/// tiers that changed on the days missed are dated on those days, not on the day the server came back, so one run
/// gives the same history as a run each day, and the makers' replays see the tiers of each day.
/// </summary>
internal sealed class ProductRegrading(RulesOptions rules, DateOnly today, DateTime now)
{
    /// <summary>The reason of a grading on a day its product fell due, with no new fact that day.</summary>
    public const string DueReason =
        "到期重新分级 re-graded when due: a fact entered or left its window, or an override ended";

    /// <summary>
    /// Grades <paramref name="codes"/> from <paramref name="from"/>, the day a fact just recorded counts from (with
    /// <paramref name="reason"/>), then on each day one of them falls due up to today; returns the gradings added and
    /// the codes whose tier changed on any day.
    /// </summary>
    public async Task<(int Changed, HashSet<string> TierChanged)> FromFactAsync(ProductQualityDbContext db,
        IReadOnlyCollection<string> codes, DateOnly from, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        from = from > today ? today : from;
        var stored = await TierStepsAsync(db, codes, ct);
        if (from < today)
        {
            await SupersedeFromAsync(db, codes, from, ct);
        }

        var walked = await WalkAsync(db, codes, from, codes, reason, ct);
        await ReportAsync(db, codes, stored, ct);
        return walked;
    }

    /// <summary>
    /// Grades the products due by today (<paramref name="codes"/>) on the day each fell due, and on each later day
    /// one falls due again, up to today.
    /// </summary>
    public async Task<(int Changed, HashSet<string> TierChanged)> WhenDueAsync(ProductQualityDbContext db,
        IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await TierStepsAsync(db, codes, ct);
        var first = await FirstDueAsync(db, codes, ct) ?? today;
        var walked = await WalkAsync(db, codes, first, await DueByAsync(db, codes, first, ct), DueReason, ct);
        await ReportAsync(db, codes, stored, ct);
        return walked;
    }

    private async Task<(int Changed, HashSet<string> TierChanged)> WalkAsync(ProductQualityDbContext db,
        IReadOnlyCollection<string> codes, DateOnly day, IReadOnlyCollection<string> pending, string reason,
        CancellationToken ct)
    {
        var changed = 0;
        var tierChanged = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var (added, tiers) = await new ProductGrader(rules, day, now) { ReportsChanges = false }
                .GradeAsync(db, pending, reason, ct);
            await db.SaveChangesAsync(ct);   // the next day's grading compares with these
            changed += added;
            tierChanged.UnionWith(tiers);
            if (day >= today || await FirstDueAsync(db, codes, ct) is not { } next)
            {
                return (changed, tierChanged);
            }

            (day, reason) = (next, DueReason);
            pending = await DueByAsync(db, codes, day, ct);
        }
    }

    // The feed hears of the tiers as they stand after the walk against what it was told: a change dated before today
    // is a correction, and one the walk took back is retracted.
    private async Task ReportAsync(ProductQualityDbContext db, IReadOnlyCollection<string> codes,
        Dictionary<string, List<Step>> stored, CancellationToken ct)
    {
        var current = await TierStepsAsync(db, codes, ct);
        foreach (var code in codes)
        {
            ChangeLog.ProductTiers(
                db, code, stored.GetValueOrDefault(code) ?? [], current.GetValueOrDefault(code) ?? [], today, now);
        }

        await db.SaveChangesAsync(ct);
    }

    // Each product's tier from each grading on, as the feed reports tiers.
    private static async Task<Dictionary<string, List<Step>>> TierStepsAsync(
        ProductQualityDbContext db, IReadOnlyCollection<string> codes, CancellationToken ct) =>
        (await db.ProductTierAssessments.AsNoTracking().Where(a => codes.Contains(a.ProductCode))
            .OrderBy(a => a.EffectiveFrom).ThenBy(a => a.Id)
            .Select(a => new { a.ProductCode, a.EffectiveFrom, a.Tier, a.Reason }).ToListAsync(ct))
        .GroupBy(a => a.ProductCode, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(a => new Step(a.EffectiveFrom, ChangeValues.Of(a.Tier), null,
            ChangeLog.Tagged(a.Reason, FactGroup.ProductTiers))).ToList(), StringComparer.Ordinal);

    // The first day by today one of the products is due, if any.
    private Task<DateOnly?> FirstDueAsync(ProductQualityDbContext db, IReadOnlyCollection<string> codes,
        CancellationToken ct) =>
        db.Products.Where(p => codes.Contains(p.Code) && p.NextDueOn <= today).MinAsync(p => p.NextDueOn, ct);

    private static async Task<IReadOnlyCollection<string>> DueByAsync(ProductQualityDbContext db,
        IReadOnlyCollection<string> codes, DateOnly day, CancellationToken ct) =>
        await db.Products.Where(p => codes.Contains(p.Code) && p.NextDueOn <= day).Select(p => p.Code)
            .ToListAsync(ct);

    // The gradings from the day on counted without the late fact: superseded (kept for asOf, as known then), and the
    // products' cached tier and score go back to the grading before, so that a tier moving on any day of the walk
    // counts as a change (and its makers are replayed), measured from the tier in force the day before.
    private async Task SupersedeFromAsync(
        ProductQualityDbContext db, IReadOnlyCollection<string> codes, DateOnly from, CancellationToken ct)
    {
        var superseded = await db.ProductTierAssessments
            .Where(a => codes.Contains(a.ProductCode) && a.EffectiveFrom >= from)
            .ExecuteUpdateAsync(x => x.SetProperty(a => a.SupersededAtUtc, now), ct);
        if (superseded == 0)
        {
            return;
        }

        var before = (await db.ProductTierAssessments.AsNoTracking()
                .Where(a => codes.Contains(a.ProductCode) && a.EffectiveFrom < from)
                .OrderBy(a => a.EffectiveFrom).ThenBy(a => a.Id).ToListAsync(ct))
            .GroupBy(a => a.ProductCode).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        foreach (var product in await db.Products.Where(p => codes.Contains(p.Code)).ToListAsync(ct))
        {
            if (before.GetValueOrDefault(product.Code) is { } last)
            {
                (product.Tier, product.RiskScore) = (last.Tier, last.RiskScore);
            }
        }
    }
}
