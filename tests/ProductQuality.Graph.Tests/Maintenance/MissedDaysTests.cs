using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Maintenance;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Tests.Assessment;

namespace ProductQuality.Graph.Tests.Maintenance;

/// <summary>
/// What the daily re-evaluation records does not depend on whether the server was up: a run after missed days gives
/// the same tier and class histories as a run each day. A product that fell due on a missed day is graded on that
/// day, and its makers' colours change that day, not on the day the server came back (they were all dated then,
/// with the reason "re-graded after a new fact"). Nor are the changes of missed days corrections.
/// </summary>
public sealed class MissedDaysTests(SeededTemplate template) : IClassFixture<SeededTemplate>
{
    private const int Days = 21;

    [Fact]
    public async Task A_run_after_missed_days_records_what_a_run_each_day_records()
    {
        var daily = template.Copy();
        var once = template.Copy();
        var last = SeededTemplate.Today.AddDays(Days);
        for (var day = SeededTemplate.Today.AddDays(1); day <= last; day = day.AddDays(1))
        {
            await RunAsync(daily, day);
        }

        await RunAsync(once, last);

        var (dailyTiers, dailyClasses) = await HistoriesAsync(daily);
        var (onceTiers, onceClasses) = await HistoriesAsync(once);
        var graded = dailyTiers.Where(t => t.EffectiveFrom > SeededTemplate.Today).ToList();
        Assert.True(graded.Count(t => t.EffectiveFrom < last) >= 3,
            $"too few products fell due on the days between to test anything: {graded.Count}");
        Assert.Equal(dailyTiers, onceTiers);
        Assert.Equal(dailyClasses, onceClasses);
        Assert.All(graded, t => Assert.StartsWith("到期重新分级", t.Reason, StringComparison.Ordinal));

        // No late fact was recorded: the catch-up's changes are news of the missed days, not corrections (they were
        // all sent as corrections, as if a late fact had revised what the feed had said of those days).
        var (dailyEvents, onceEvents) = (await EventsAsync(daily), await EventsAsync(once));
        Assert.Contains(onceEvents, e => e.EffectiveFrom < last && e.EnterpriseId is not null);
        Assert.Contains(onceEvents, e => e.EffectiveFrom < last && e.ProductCode is not null);
        Assert.All(dailyEvents.Concat(onceEvents), e => Assert.False(e.Correction, $"{e.Kind} {e.EffectiveFrom}"));
    }

    private static async Task<List<ProductQuality.Graph.Changes.ChangeEvent>> EventsAsync(string path)
    {
        await using var db = SeededTemplate.Open(path);
        return await db.ChangeEvents.AsNoTracking().ToListAsync();
    }

    private static async Task RunAsync(string path, DateOnly day)
    {
        var rules = new RulesOptions();
        var clock = new ClockOptions { Today = day };
        var run = new DueReEvaluation(
            new ReEvaluator(rules, new BureauClock(TimeProvider.System, Options.Create(clock))),
            NullLogger<DueReEvaluation>.Instance);
        await using var db = SeededTemplate.Open(path);
        await run.RunAsync(db, day, 500, default);
    }

    private static async Task<(List<Grading> Tiers, List<string> Classes)> HistoriesAsync(string path)
    {
        await using var db = SeededTemplate.Open(path);
        var tiers = await db.ProductTierAssessments.AsNoTracking()
            .OrderBy(a => a.ProductCode).ThenBy(a => a.EffectiveFrom).ThenBy(a => a.Id)
            .Select(a => new Grading(a.ProductCode, a.EffectiveFrom, a.Tier.ToString(), a.RiskScore, a.Reason))
            .ToListAsync();
        var classes = (await db.EnterpriseAssessments.AsNoTracking()
                .OrderBy(a => a.EnterpriseId).ThenBy(a => a.EffectiveFrom).ThenBy(a => a.Id)
                .Select(a => new { a.EnterpriseId, a.EffectiveFrom, a.Class, a.MapColour, a.HealthCode })
                .ToListAsync())
            .Select(a => $"{a.EnterpriseId} {a.EffectiveFrom:yyyy-MM-dd} {a.Class} {a.MapColour} {a.HealthCode}")
            .ToList();
        return (tiers, classes);
    }

    private sealed record Grading(
        string ProductCode, DateOnly EffectiveFrom, string Tier, double RiskScore, string Reason);
}
