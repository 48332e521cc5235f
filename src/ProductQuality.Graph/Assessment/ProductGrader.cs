using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Products;
using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// Grades products as of today with <see cref="ProductTierRule"/> from the stored facts — the city's samplings (and
/// which failed a safety item) and complaints in the sampling window, the city's bulletins of the last two years,
/// external risk signals of the look-back window, the product's traits and sensitivity and any active override —
/// the same counts the data set generator graded with (<see cref="ProductFacts"/>). A grading that differs from the
/// latest stored one is appended (superseding one of the same day); the product row's cached tier and score follow,
/// and a tier that changed is a change event.
/// </summary>
internal sealed class ProductGrader(RulesOptions rules, DateOnly today, DateTime now)
{
    private readonly ProductTierRule rule = new(rules);

    /// <summary>
    /// Grades the products (all when <paramref name="codes"/> is null); returns the codes whose tier changed.
    /// </summary>
    public async Task<(int Changed, List<string> TierChanged)> GradeAsync(ProductQualityDbContext db,
        IReadOnlyCollection<string>? codes, string reason, CancellationToken ct)
    {
        var from = today.AddYears(-rules.EnterpriseClass.SamplingWindowYears);
        var bulletinsFrom = today.AddYears(-rules.ProductTier.BulletinWindowYears);
        var signalsFrom = today.AddYears(-rules.ProductTier.SignalWindowYears);
        var products = await Scope(db.Products, codes).ToListAsync(ct);
        var sampling = await db.Inspections.Where(i => i.SampledOn >= from && i.SampledOn <= today
                && (codes == null || codes.Contains(i.ProductCode)))
            .GroupBy(i => i.ProductCode).Select(g => new
            {
                g.Key,
                Sampled = g.Count(),
                Failed = g.Count(i => !i.Passed),
                Oldest = g.Min(i => i.SampledOn),
            })
            .ToDictionaryAsync(g => g.Key, ct);
        // Failures of a safety item (安全项目) weigh more than labelling ones; few batches fail, so this reads little.
        var safetyFailed = await db.Inspections.Where(i => i.SampledOn >= from && i.SampledOn <= today && !i.Passed
                && i.FailedItems.Any(f => f.IsSafetyItem) && (codes == null || codes.Contains(i.ProductCode)))
            .GroupBy(i => i.ProductCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var complaints = await db.Complaints.Where(c => c.ProductCode != null && c.FoundValidOn >= from
                && c.FoundValidOn <= today && (codes == null || codes.Contains(c.ProductCode)))
            .GroupBy(c => c.ProductCode!)
            .Select(g => new { g.Key, Count = g.Count(), Oldest = g.Min(c => c.FoundValidOn) })
            .ToDictionaryAsync(g => g.Key, ct);
        var bulletins = await db.RiskWarnings.Where(w => w.ProductCode != null && w.IssuedOn > bulletinsFrom
                && w.IssuedOn <= today && (codes == null || codes.Contains(w.ProductCode)))
            .GroupBy(w => w.ProductCode!)
            .Select(g => new { g.Key, Count = g.Count(), Oldest = g.Min(w => w.IssuedOn) })
            .ToDictionaryAsync(g => g.Key, ct);
        var signals = (await db.ExternalRiskSignals.AsNoTracking().Where(x => x.PublishedOn > signalsFrom
                && x.PublishedOn <= today && (codes == null || codes.Contains(x.ProductCode)))
            .ToListAsync(ct)).ToLookup(x => x.ProductCode, StringComparer.Ordinal);
        var future = await FirstFutureFactsAsync(db, codes, ct);
        var overrides = (await db.ProductTierOverrides.AsNoTracking().Where(o => o.EffectiveFrom <= today
                && (codes == null || codes.Contains(o.ProductCode)))
            .OrderBy(o => o.EffectiveFrom).ThenBy(o => o.Id).ToListAsync(ct)).GroupBy(o => o.ProductCode)
            .ToDictionary(g => g.Key, g => InForce.Decided(g, o => o.EffectiveFrom, o => o.Tier is null, today));
        var latest = (await db.ProductTierAssessments.AsNoTracking().Where(a => codes == null
                || codes.Contains(a.ProductCode))
            .OrderBy(a => a.EffectiveFrom).ThenBy(a => a.Id).ToListAsync(ct)).GroupBy(a => a.ProductCode)
            .ToDictionary(g => g.Key, g => g.Last());

        var changed = 0;
        var tierChanged = new List<string>();
        var superseded = new List<long>();
        foreach (var product in products)
        {
            var s = sampling.GetValueOrDefault(product.Code);
            var counts = new SamplingCounts(s?.Sampled ?? 0, s?.Failed ?? 0,
                safetyFailed.GetValueOrDefault(product.Code));
            var facts = ProductFacts.For(product, counts, complaints.GetValueOrDefault(product.Code)?.Count ?? 0,
                bulletins.GetValueOrDefault(product.Code)?.Count ?? 0, signals[product.Code]);
            var manual = overrides.GetValueOrDefault(product.Code) is { Tier: { } tier } o
                ? new Override<ProductTier>(tier, o.Reason, o.ExpiresOn)
                : null;
            var result = rule.Evaluate(facts, today, manual);
            product.NextDueOn = new ProductFactDates(
                s?.Oldest, complaints.GetValueOrDefault(product.Code)?.Oldest,
                bulletins.GetValueOrDefault(product.Code)?.Oldest,
                manual is not null && manual.IsActiveOn(today) ? manual.ExpiresOn : null,
                future.GetValueOrDefault(product.Code))
                {
                    // An external signal counts for its own window (Rules:ProductTier:SignalWindowYears).
                    OldestSignal = signals[product.Code].Select(x => (DateOnly?)x.PublishedOn).Min(),
                    SignalWindowYears = rules.ProductTier.SignalWindowYears,
                    WarningWindowYears = rules.ProductTier.BulletinWindowYears,
                }
                .NextDue(today, rules.EnterpriseClass.SamplingWindowYears);
            var grading = new ProductTierAssessment
            {
                ProductCode = product.Code,
                EffectiveFrom = today,
                Tier = result.Tier,
                RiskScore = (double)result.Score,
                IsOverride = manual is not null && manual.IsActiveOn(today),
                OverrideExpiresOn = manual is not null && manual.IsActiveOn(today) ? manual.ExpiresOn : null,
                Reason = reason,
                Explanation = ExplanationJson.Serialize(result.Explanation),
                RulesVersion = rules.Version,
                RecordedAtUtc = now,
            };
            var previous = latest.GetValueOrDefault(product.Code);
            if (previous is not null && Same(previous, grading))
            {
                continue;
            }

            if (previous is not null && previous.EffectiveFrom == today)
            {
                superseded.Add(previous.Id);
            }

            db.ProductTierAssessments.Add(grading);
            changed++;
            if (product.Tier != grading.Tier)
            {
                tierChanged.Add(product.Code);
                Changes.ChangeLog.ProductTier(db, product.Code, product.Tier, grading.Tier, today, reason, now);
            }

            product.Tier = grading.Tier;
            product.RiskScore = grading.RiskScore;
        }

        if (superseded.Count > 0)
        {
            await db.ProductTierAssessments.Where(a => superseded.Contains(a.Id))
                .ExecuteUpdateAsync(x => x.SetProperty(a => a.SupersededAtUtc, now), ct);
        }

        return (changed, tierChanged);
    }

    // A fact dated after today (a sampling, complaint, warning or override) counts from its date: the grading
    // changes then.
    private async Task<Dictionary<string, DateOnly>> FirstFutureFactsAsync(ProductQualityDbContext db,
        IReadOnlyCollection<string>? codes, CancellationToken ct)
    {
        var dates = new List<(string Code, DateOnly On)>();
        dates.AddRange((await db.Inspections
                .Where(i => i.SampledOn > today && (codes == null || codes.Contains(i.ProductCode)))
                .GroupBy(i => i.ProductCode).Select(g => new { g.Key, On = g.Min(i => i.SampledOn) })
                .ToListAsync(ct))
            .Select(x => (x.Key, x.On)));
        dates.AddRange((await db.Complaints
                .Where(c => c.ProductCode != null && c.FoundValidOn > today
                    && (codes == null || codes.Contains(c.ProductCode)))
                .GroupBy(c => c.ProductCode!).Select(g => new { g.Key, On = g.Min(c => c.FoundValidOn) })
                .ToListAsync(ct))
            .Select(x => (x.Key, x.On)));
        dates.AddRange((await db.RiskWarnings
                .Where(w => w.ProductCode != null && w.IssuedOn > today
                    && (codes == null || codes.Contains(w.ProductCode)))
                .GroupBy(w => w.ProductCode!).Select(g => new { g.Key, On = g.Min(w => w.IssuedOn) })
                .ToListAsync(ct))
            .Select(x => (x.Key, x.On)));
        dates.AddRange((await db.ExternalRiskSignals
                .Where(x => x.PublishedOn > today && (codes == null || codes.Contains(x.ProductCode)))
                .GroupBy(x => x.ProductCode).Select(g => new { g.Key, On = g.Min(x => x.PublishedOn) })
                .ToListAsync(ct))
            .Select(x => (x.Key, x.On)));
        dates.AddRange((await db.ProductTierOverrides
                .Where(o => o.EffectiveFrom > today && (codes == null || codes.Contains(o.ProductCode)))
                .GroupBy(o => o.ProductCode).Select(g => new { g.Key, On = g.Min(o => o.EffectiveFrom) })
                .ToListAsync(ct))
            .Select(x => (x.Key, x.On)));
        return dates.GroupBy(d => d.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(d => d.On), StringComparer.Ordinal);
    }

    private static IQueryable<Product> Scope(IQueryable<Product> products, IReadOnlyCollection<string>? codes) =>
        codes is null ? products : products.Where(p => codes.Contains(p.Code));

    private static bool Same(ProductTierAssessment a, ProductTierAssessment b) =>
        a.Tier == b.Tier && a.RiskScore.Equals(b.RiskScore) && a.IsOverride == b.IsOverride &&
        a.OverrideExpiresOn == b.OverrideExpiresOn && a.Explanation == b.Explanation &&
        a.RulesVersion == b.RulesVersion;
}
