using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Regions;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Supervision;
using ProductQuality.Graph.Signals;
using ProductQuality.Graph.Supervision;

namespace ProductQuality.Graph.Statistics;

/// <summary>
/// Counts the distributions of <see cref="BureauStatistics"/> in SQL (grouped counts), within a row scope: the
/// <c>report</c> verb reads the whole city, the <c>statistics</c> query the reader's jurisdiction. One code path for
/// both, so the printed report and the served numbers cannot differ.
/// </summary>
public static class StatisticsCollector
{
    private static readonly string[] Tiers = ["HIGH", "ELEVATED", "GENERAL"];
    private static readonly string[] Classes = ["AA", "A", "B", "C"];
    private static readonly string[] Colours = ["RED", "YELLOW", "BLUE", "GREEN"];
    private static readonly string[] RegionColours = [.. Colours, "NOT_ASSESSED"];
    private static readonly string[] IndustryKeys = ["ONE_INDUSTRY", "SEVERAL_INDUSTRIES"];

    // The counts taken one after another: progress is told after each ("counted product tiers", 1 of 8), which the
    // report verb prints while it waits (some counts take seconds on a large data set).
    private const int Steps = 8;

    public static async Task<BureauStatistics> CollectAsync(ProductQualityDbContext db, RowScope scope,
        InspectionFrequencyRule rule, RulesOptions rules, DateOnly today, IProgress<RecomputeProgress>? progress,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var done = 0;
        void Counted(string what) => progress?.Report(new RecomputeProgress($"counted {what}", ++done, Steps));
        var enterprises = scope.Enterprises(db.Enterprises.AsNoTracking());
        var tiers = await db.Products.AsNoTracking().GroupBy(p => p.Tier).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(g => Name(g.Key), g => g.N, ct);
        Counted("product tiers");
        var classes = await enterprises.GroupBy(e => e.Class).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(g => g.Key.ToString(), g => g.N, ct);
        Counted("enterprise classes");
        var health = await enterprises.GroupBy(e => e.HealthCode).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(g => Name(g.Key), g => g.N, ct);
        Counted("health codes");
        var map = await enterprises.GroupBy(e => e.MapColour).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(g => Name(g.Key), g => g.N, ct);
        Counted("map colours");
        var regions = await scope.CountyRegions(db.Regions.AsNoTracking()).ToListAsync(ct);
        var codes = regions.Select(r => r.Code).ToList();
        var assessed = await scope.RegionAssessments(db, db.RegionAssessments.AsNoTracking()
                .Where(a => codes.Contains(a.RegionCode)))
                .Select(a => new RegionColourOn(a.Id, a.RegionCode, a.EffectiveFrom, a.Colour)).ToListAsync(ct);
        var latest = ColoursOn(assessed, today);
        var counties = regions.Where(r => r.Level == RegionLevel.County).ToList();
        var firstYear = assessed.Count == 0 ? today.Year : assessed.Min(a => a.EffectiveFrom).Year;
        var yearEnds = Enumerable.Range(firstYear, Math.Max(0, today.Year - firstYear))
            .Select(y => new DateOnly(y, 12, 31))
            .Select(d => new YearEndColours(d,
                StatisticsCount.Of(RegionColours, RegionCounts(counties, ColoursOn(assessed, d)))))
            .ToList();
        Counted("region colours");
        var categoriesPerEnterprise = await enterprises
            .Select(e => db.EnterpriseProducts.Where(p => p.EnterpriseId == e.Id)
                .Join(db.Products, p => p.ProductCode, p => p.Code, (_, p) => p.CategoryCode).Distinct().Count())
            .GroupBy(n => n > 1).Select(g => new { Several = g.Key, N = g.Count() })
            .ToDictionaryAsync(g => IndustryKeys[g.Several ? 1 : 0], g => g.N, ct);
        Counted("industries");
        // Signals are about catalogue products, city-wide like the tiers: every reader of statistics counts them all.
        var signalsFrom = today.AddYears(-rules.ProductTier.SignalWindowYears);
        var signals = await db.ExternalRiskSignals.AsNoTracking()
            .Where(s => s.PublishedOn > signalsFrom && s.PublishedOn <= today)
            .GroupBy(s => s.Source).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(g => g.Key.Key(), g => g.N, ct);
        Counted("risk signals");
        var plan = await InspectionPlanning.PlanAsync(db, enterprises, rule, rules, today, today, ct);
        Counted("supervision plan");
        var total = classes.Values.Sum();
        var overdue = plan.Where(p => p.Schedule.DaysOverdue > 0).ToList();
        return new BureauStatistics(
            today,
            StatisticsCount.Of(Tiers, tiers),
            StatisticsCount.Of(Classes, classes),
            StatisticsCount.Of(Colours, health),
            StatisticsCount.Of(Colours, map),
            StatisticsCount.Of(RegionColours, RegionCounts(counties, latest)),
            StatisticsCount.Of(RegionColours, RegionCounts(
                regions.Where(r => r.Level is RegionLevel.Town or RegionLevel.Subdistrict), latest)),
            new OverdueStatistics(total, plan.Count, overdue.Count,
                total == 0 ? 0 : Math.Round(100.0 * overdue.Count / total, 1),
                overdue.Count == 0 ? 0 : overdue.Max(p => p.Schedule.DaysOverdue)),
            StatisticsCount.Of(Enum.GetValues<RiskSignalSource>().Select(s => s.Key()), signals),
            yearEnds,
            StatisticsCount.Of(IndustryKeys, categoriesPerEnterprise));
    }

    // Each region's colour in force on a day: its newest assessment effective by then, as the region fields read it.
    private static Dictionary<string, FourColor?> ColoursOn(IEnumerable<RegionColourOn> assessed, DateOnly day) =>
        assessed.Where(a => a.EffectiveFrom <= day).GroupBy(a => a.RegionCode)
            .ToDictionary(g => g.Key,
                g => g.OrderByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.Id).First().Colour);

    private sealed record RegionColourOn(long Id, string RegionCode, DateOnly EffectiveFrom, FourColor? Colour);

    // The newest assessment per region, as the region fields read it; never assessed, or below the minimum, counts
    // as not assessed.
    private static Dictionary<string, int> RegionCounts(
        IEnumerable<Region> regions, Dictionary<string, FourColor?> latest) =>
        regions.GroupBy(r => latest.GetValueOrDefault(r.Code) is { } c ? Name(c) : "NOT_ASSESSED")
            .ToDictionary(g => g.Key, g => g.Count());

    private static string Name(FourColor colour) => colour.ToString().ToUpperInvariant();

    private static string Name(ProductTier tier) => tier.ToString().ToUpperInvariant();
}
