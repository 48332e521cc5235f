using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Products;
using ProductQuality.Graph.Rules.Timeline;
using ProductQuality.Graph.Signals;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// A product's facts from a day on, read once, and its gradings on each day they may change, worked out in memory
/// with the same windows and rule as <see cref="ProductGrader"/> reads in SQL. A late fact dated years back re-grades
/// its product on every day since that a fact came or went; one grading in SQL a day took ten queries a day and ran
/// past the request's timeout (and held every other write) for a sampling dated three years back.
/// </summary>
internal sealed class ProductFactHistory
{
    private readonly RulesOptions rules;
    private readonly ProductTierRule rule;
    private readonly List<(DateOnly On, bool Failed, bool SafetyFailed)> samplings;
    private readonly List<DateOnly> complaints;
    private readonly List<DateOnly> bulletins;
    private readonly List<ExternalRiskSignal> signals;
    private readonly List<ProductTierOverride> overrides;

    private ProductFactHistory(RulesOptions rules, List<(DateOnly, bool, bool)> samplings, List<DateOnly> complaints,
        List<DateOnly> bulletins, List<ExternalRiskSignal> signals, List<ProductTierOverride> overrides)
    {
        (this.rules, rule) = (rules, new ProductTierRule(rules));
        (this.samplings, this.complaints, this.bulletins, this.signals, this.overrides) =
            (samplings, complaints, bulletins, signals, overrides);
    }

    /// <summary>One grading the walk gives: the day it takes effect, whether a fact arrived that day, the result.
    /// </summary>
    public sealed record Grading(DateOnly From, bool FactArrived, ProductTierResult Result,
        Override<ProductTier>? Manual);

    /// <summary>The facts of the products that count on any day from <paramref name="from"/> on.</summary>
    public static async Task<Dictionary<string, ProductFactHistory>> LoadAsync(ProductQualityDbContext db,
        RulesOptions rules, IReadOnlyCollection<string> codes, DateOnly from, CancellationToken ct)
    {
        var window = from.AddYears(-rules.EnterpriseClass.SamplingWindowYears);
        var bulletinsFrom = from.AddYears(-rules.ProductTier.BulletinWindowYears);
        var signalsFrom = from.AddYears(-rules.ProductTier.SignalWindowYears);
        var sampled = (await db.Inspections.AsNoTracking().Where(i => codes.Contains(i.ProductCode)
                && i.SampledOn >= window)
            .Select(i => new { i.ProductCode, i.SampledOn, i.Passed, Safety = i.FailedItems.Any(f => f.IsSafetyItem) })
            .ToListAsync(ct)).ToLookup(i => i.ProductCode, StringComparer.Ordinal);
        var complained = (await db.Complaints.AsNoTracking().Where(c => c.ProductCode != null
                && codes.Contains(c.ProductCode) && c.FoundValidOn >= window)
            .Select(c => new { c.ProductCode, c.FoundValidOn }).ToListAsync(ct))
            .ToLookup(c => c.ProductCode!, c => c.FoundValidOn, StringComparer.Ordinal);
        var warned = (await db.RiskWarnings.AsNoTracking().Where(w => w.ProductCode != null
                && codes.Contains(w.ProductCode) && w.IssuedOn > bulletinsFrom)
            .Select(w => new { w.ProductCode, w.IssuedOn }).ToListAsync(ct))
            .ToLookup(w => w.ProductCode!, w => w.IssuedOn, StringComparer.Ordinal);
        var signalled = (await db.ExternalRiskSignals.AsNoTracking()
                .Where(x => codes.Contains(x.ProductCode) && x.PublishedOn > signalsFrom).ToListAsync(ct))
            .ToLookup(x => x.ProductCode, StringComparer.Ordinal);
        var decided = (await db.ProductTierOverrides.AsNoTracking().Where(o => codes.Contains(o.ProductCode))
                .OrderBy(o => o.EffectiveFrom).ThenBy(o => o.Id).ToListAsync(ct))
            .ToLookup(o => o.ProductCode, StringComparer.Ordinal);
        return codes.Distinct(StringComparer.Ordinal).ToDictionary(code => code, code => new ProductFactHistory(rules,
                [.. sampled[code].Select(i => (i.SampledOn, !i.Passed, !i.Passed && i.Safety))],
                [.. complained[code]], [.. warned[code]], [.. signalled[code]], [.. decided[code]]),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The gradings from <paramref name="from"/> to <paramref name="today"/> that differ from the one before
    /// (<paramref name="before"/>: the grading in force the day before, if any), in date order.
    /// </summary>
    public List<Grading> Walk(Product product, DateOnly from, DateOnly today, ProductTierAssessment? before)
    {
        var gradings = new List<Grading>();
        var (tier, score, explanation) = (before?.Tier, before?.RiskScore, before?.Explanation);
        foreach (var day in ChangeDays(from, today).Prepend(from).Distinct().Order())
        {
            var grading = On(product, day);
            var json = ExplanationJson.Serialize(grading.Result.Explanation);
            if (grading.Result.Tier == tier && (double)grading.Result.Score == score && json == explanation)
            {
                continue;
            }

            (tier, score, explanation) = (grading.Result.Tier, (double)grading.Result.Score, json);
            gradings.Add(grading);
        }

        return gradings;
    }

    /// <summary>The first day after <paramref name="today"/> the grading changes without a new fact, or null.</summary>
    public DateOnly? NextDue(DateOnly today) => ChangeDays(today.AddDays(1), DateOnly.MaxValue).Min(d => (DateOnly?)d);

    private Grading On(Product product, DateOnly day)
    {
        var windowFrom = day.AddYears(-rules.EnterpriseClass.SamplingWindowYears);
        var inWindow = samplings.Where(s => s.On >= windowFrom && s.On <= day).ToList();
        var counts = new SamplingCounts(
            inWindow.Count, inWindow.Count(s => s.Failed), inWindow.Count(s => s.SafetyFailed));
        var facts = ProductFacts.For(product, counts, complaints.Count(c => c >= windowFrom && c <= day),
            bulletins.Count(b => b > day.AddYears(-rules.ProductTier.BulletinWindowYears) && b <= day),
            signals.Where(x => rule.SignalCounts(x.PublishedOn, day)));
        var manual = InForce.Decided(overrides.Where(o => o.EffectiveFrom <= day), o => o.EffectiveFrom,
            o => o.Tier is null, day) is { Tier: { } manualTier } o
            ? new Override<ProductTier>(manualTier, o.Reason, o.ExpiresOn)
            : null;
        var arrived = samplings.Any(s => s.On == day) || complaints.Contains(day) || bulletins.Contains(day)
            || signals.Any(x => x.PublishedOn == day) || overrides.Any(o => o.EffectiveFrom == day);
        return new Grading(day, arrived, rule.Evaluate(facts, day, manual), manual);
    }

    // The days in [first, last] on which what a grading counts may change: each fact's own day, the day it leaves
    // its window, an override's first day and the day after its last.
    private IEnumerable<DateOnly> ChangeDays(DateOnly first, DateOnly last)
    {
        var years = rules.EnterpriseClass.SamplingWindowYears;
        IEnumerable<DateOnly> days =
        [
            .. samplings.SelectMany(s => new[] { s.On, InForce.LeavesWindow(s.On, years) }),
            .. complaints.SelectMany(c => new[] { c, InForce.LeavesWindow(c, years) }),
            .. bulletins.SelectMany(b => new[]
                { b, InForce.LeavesOpenWindow(b, rules.ProductTier.BulletinWindowYears) }),
            .. signals.SelectMany(x => new[]
                { x.PublishedOn, InForce.LeavesOpenWindow(x.PublishedOn, rules.ProductTier.SignalWindowYears) }),
            .. overrides.SelectMany(o => new[] { o.EffectiveFrom, InForce.EndsAfter(o.ExpiresOn) }),
        ];
        return days.Where(d => d >= first && d <= last);
    }
}
