using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Data.Seeding;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Maintenance;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Tests.Assessment;

namespace ProductQuality.Graph.Tests.Maintenance;

/// <summary>
/// Over the whole default data set (3,000 enterprises, as the server seeds it), day after day and across missed
/// days: the daily re-evaluation changes every enterprise that was due (a next due day is never early), and a
/// <c>recompute</c> right after it changes nothing (never late: nothing stale is left).
/// </summary>
public sealed class DefaultDataSetDueTests : IAsyncLifetime
{
    private static readonly DateOnly SeedDay = new(2026, 11, 28);
    private readonly string path = Path.Combine(Path.GetTempPath(), $"pq-due-{Guid.NewGuid():N}.db");

    public async Task InitializeAsync()
    {
        await using var db = SeededTemplate.Open(path);
        await db.Database.MigrateAsync();
        await new DatabaseSeeder(new RulesOptions())
            .SeedAsync(db, new SeedRequest(new DatabaseOptions().SeedEnterprises, 20200422, SeedDay), null, default);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(path);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Recompute_after_each_daily_run_changes_nothing()
    {
        var rules = new RulesOptions();
        var clock = new ClockOptions();
        var run = new DueReEvaluation(
            new ReEvaluator(rules, new BureauClock(TimeProvider.System, Options.Create(clock))),
            NullLogger<DueReEvaluation>.Instance);
        await using var db = SeededTemplate.Open(path);
        Assert.Equal(3_000, await db.Enterprises.CountAsync());

        // Three days in a row, then a week missed, two months, and more than a year.
        foreach (var day in new[] { 1, 2, 3, 10, 70, 450 }.Select(SeedDay.AddDays))
        {
            clock.Today = day;
            var due = await db.Enterprises.CountAsync(e => e.NextDueOn <= day);

            var summary = await run.RunAsync(db, day, 500, default);

            Assert.True(summary.EnterprisesChanged >= due, $"{day:yyyy-MM-dd}: {due} due, {summary}");
            Assert.Equal(0, await db.Enterprises.CountAsync(e => e.NextDueOn <= day));
            var recompute = await new Recomputer(rules).RunAsync(db, day, DateTime.UtcNow, null, default);
            Assert.True(recompute.ChangedNothing, $"{day:yyyy-MM-dd}: {recompute}");
        }
    }
}
