using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Grades products from a day before today up to today, as the server would have had it graded them every day in
/// between: on that day, then on each day a fact of theirs came or went (a fact leaving its window or coming into
/// force, an override ending), each grading dated on its own day. Two cases need it. A fact dated in the past (a
/// sampling recorded late) changes the product from its date: what was graded from then on counted without it, so
/// the gradings that now differ are superseded and graded again (those that still agree are kept, with their
/// reasons). And a daily re-evaluation that did not run (the server was down) catches up: the tiers that changed on
/// the days missed are dated on those days, not on the day the server came back, so one run gives the same history
/// as a run each day, and the makers' replays see the tiers of each day. The days are worked out in memory
/// (<see cref="ProductFactHistory"/>), from the facts read once.
/// </summary>
internal sealed class ProductRegrading(RulesOptions rules, DateOnly today, DateTime now)
{
    /// <summary>The reason of a grading on a day a fact of its product arrived.</summary>
    public const string FactReason = "重新分级 re-graded after a new fact";

    /// <summary>The reason of a grading on a day its product fell due, with no new fact that day.</summary>
    public const string DueReason =
        "到期重新分级 re-graded when due: a fact entered or left its window, or an override ended";

    /// <summary>
    /// Grades <paramref name="codes"/> from <paramref name="from"/>, the day a fact just recorded counts from, on each
    /// day up to today their grading changes; returns what it re-graded (<see cref="Regraded"/>).
    /// </summary>
    public async Task<Regraded> FromFactAsync(ProductQualityDbContext db,
        IReadOnlyCollection<string> codes, DateOnly from, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        from = from > today ? today : from;
        return await GradeAsync(db, codes, _ => from, from, ct);
    }

    /// <summary>
    /// Grades the products due by today (<paramref name="codes"/>) from the day each fell due, on each day up to
    /// today their grading changes.
    /// </summary>
    public async Task<Regraded> WhenDueAsync(ProductQualityDbContext db, IReadOnlyCollection<string> codes,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var due = await db.Products.AsNoTracking().Where(p => codes.Contains(p.Code))
            .ToDictionaryAsync(p => p.Code, p => DueDay.FirstUnevaluated(p.NextDueOn, today), ct);
        var earliest = due.Count == 0 ? today : due.Values.Min();
        return await GradeAsync(db, codes, code => due.GetValueOrDefault(code, today), earliest, ct);
    }

    private async Task<Regraded> GradeAsync(ProductQualityDbContext db,
        IReadOnlyCollection<string> codes, Func<string, DateOnly> fromOf, DateOnly earliest, CancellationToken ct)
    {
        var told = await TierStepsAsync(db, codes, ct);
        var histories = await ProductFactHistory.LoadAsync(db, rules, codes, earliest, ct);
        var stored = (await db.ProductTierAssessments.AsNoTracking().Where(a => codes.Contains(a.ProductCode))
                .OrderBy(a => a.EffectiveFrom).ThenBy(a => a.Id).ToListAsync(ct))
            .ToLookup(a => a.ProductCode, StringComparer.Ordinal);
        var added = 0;
        var regraded = 0;
        var superseded = new List<long>();
        var unevaluatedFrom = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var product in await db.Products.Where(p => codes.Contains(p.Code)).ToListAsync(ct))
        {
            // The days from the one it fell due on were not graded yet (missed days): their changes are news.
            unevaluatedFrom[product.Code] = DueDay.FirstUnevaluated(product.NextDueOn, today);
            var from = fromOf(product.Code);
            var history = histories[product.Code];
            var before = stored[product.Code].LastOrDefault(a => a.EffectiveFrom < from);
            var graded = history.Walk(product, from, today, before).Select(Row).ToList();
            var kept = stored[product.Code].Where(a => a.EffectiveFrom >= from).ToList();

            // What still agrees is kept, reason and all; from the first difference on, the old gradings give way.
            var same = 0;
            while (same < kept.Count && same < graded.Count && Agree(kept[same], graded[same]))
            {
                same++;
            }

            superseded.AddRange(kept.Skip(same).Select(a => a.Id));
            db.ProductTierAssessments.AddRange(graded.Skip(same));
            added += graded.Count - same;
            regraded += kept.Count > same || graded.Count > same ? 1 : 0;
            var latest = graded.LastOrDefault() ?? before;
            if (latest is not null)
            {
                (product.Tier, product.RiskScore) = (latest.Tier, latest.RiskScore);
            }

            product.NextDueOn = history.NextDue(today);

            ProductTierAssessment Row(ProductFactHistory.Grading g) => new()
            {
                ProductCode = product.Code,
                EffectiveFrom = g.From,
                Tier = g.Result.Tier,
                RiskScore = (double)g.Result.Score,
                IsOverride = g.Manual is not null && g.Manual.IsActiveOn(g.From),
                OverrideExpiresOn = g.Manual is not null && g.Manual.IsActiveOn(g.From) ? g.Manual.ExpiresOn : null,
                Reason = g.FactArrived ? FactReason : DueReason,
                Explanation = ExplanationJson.Serialize(g.Result.Explanation),
                RulesVersion = rules.Version,
                RecordedAtUtc = now,
            };
        }

        if (superseded.Count > 0)
        {
            await db.ProductTierAssessments.Where(a => superseded.Contains(a.Id))
                .ExecuteUpdateAsync(x => x.SetProperty(a => a.SupersededAtUtc, now), ct);
        }

        await db.SaveChangesAsync(ct);
        return new(regraded, added, await ReportAsync(db, codes, told, unevaluatedFrom, ct), unevaluatedFrom);
    }

    private static bool Agree(ProductTierAssessment a, ProductTierAssessment b) =>
        a.EffectiveFrom == b.EffectiveFrom && a.Tier == b.Tier && a.RiskScore.Equals(b.RiskScore)
        && a.IsOverride == b.IsOverride && a.OverrideExpiresOn == b.OverrideExpiresOn && a.Explanation == b.Explanation
        && a.RulesVersion == b.RulesVersion;

    // The feed hears of the tiers as they stand now against what it was told: a change dated before the first day not
    // yet graded is a correction, and one taken back is retracted. The products whose tier history moved are
    // returned: their makers are replayed.
    private async Task<HashSet<string>> ReportAsync(ProductQualityDbContext db, IReadOnlyCollection<string> codes,
        Dictionary<string, List<Step>> told, Dictionary<string, DateOnly> unevaluatedFrom, CancellationToken ct)
    {
        var current = await TierStepsAsync(db, codes, ct);
        var moved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var before = told.GetValueOrDefault(code) ?? [];
            if (ChangeLog.ProductTiers(db, code, before, current.GetValueOrDefault(code) ?? [], today,
                    unevaluatedFrom.GetValueOrDefault(code, today), now) > 0)
            {
                moved.Add(code);
            }
        }

        await db.SaveChangesAsync(ct);
        return moved;
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
}

/// <summary>
/// What a re-grading did: the products whose gradings changed (a grading added or superseded), the gradings added
/// (one for each day a product's grading changed, so a product due for many days adds many), the products whose
/// tier history changed (their makers are replayed), and each product's first day not graded before it
/// (<see cref="DueDay"/>).
/// </summary>
internal sealed record Regraded(int ProductsChanged, int Gradings, HashSet<string> TierChanged,
    IReadOnlyDictionary<string, DateOnly> UnevaluatedFrom);
