using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Maintenance;

/// <summary>
/// Values never go stale: the server re-evaluates what falls due at the start of each bureau day and on start-up,
/// with no write and no <c>recompute</c>; partners see the new values over HTTP, and a recompute afterwards finds
/// nothing left to change.
/// </summary>
public sealed class DailyReEvaluationTests
{
    private const string Status = """
        query Status($code: String!) { enterprise(creditCode: $code) {
          class classEffectiveFrom healthCode mapColour qualityIndex blacklisted blacklistedSince assured assuredUntil
          classHistory { effectiveFrom class healthCode mapColour qualityIndex isOverride }
          assuredHistory { kind occurredOn validUntil } blacklistHistory { kind occurredOn } } }
        """;

    [Fact]
    public async Task Crossing_a_bureau_day_boundary_re_evaluates_the_enterprises_due_that_day_and_partners_see_it()
    {
        await using var factory =
            new MovingClockServerFactory(MovingClockServerFactory.At(MovingClockServerFactory.SeedDay, 12));
        var client = factory.ClientFor("samr-jiaxing");
        var start = await factory.RunAsync(1);
        Assert.Equal((MovingClockServerFactory.SeedDay, 0), (start.Today, start.Enterprises));

        // Day by day until a day with enterprises due: their served values before midnight, then after.
        var day = MovingClockServerFactory.SeedDay;
        List<string> due = [];
        for (var runs = 2; due.Count == 0; runs++)
        {
            Assert.True(day < MovingClockServerFactory.SeedDay.AddDays(60), "no enterprise falls due in 60 days");
            var next = day.AddDays(1);
            due = await factory.DbAsync(db => db.Enterprises.Where(e => e.NextDueOn == next)
                .OrderBy(e => e.Id).Select(e => e.CreditCode).ToListAsync());
            var before = await ServedAsync(client, due);
            var untouched = await factory.DbAsync(db => db.Enterprises.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
            factory.Time.SetUtcNow(MovingClockServerFactory.At(next, 0, 1));
            var run = await factory.RunAsync(runs);

            // A due enterprise that makes a product re-graded that day is replayed with the product, not again, and
            // counted once either way.
            Assert.Equal(next, run.Today);
            Assert.Equal(due.Count, run.EnterprisesDue);
            Assert.InRange(run.EnterprisesChanged, due.Count, run.Enterprises);
            Assert.Equal(next, factory.Services.GetRequiredService<BureauClock>().Today);
            var after = await ServedAsync(client, due);
            Assert.All(due, code => Assert.NotEqual(before[code], after[code]));
            var now = await factory.DbAsync(db => db.Enterprises.AsNoTracking().ToDictionaryAsync(e => e.Id));
            if (run.ProductsChanged == 0)
            {
                // Nothing else moved: no product was re-graded, so no maker of one was replayed.
                Assert.All(untouched.Where(e => e.NextDueOn != next),
                    e => Assert.Equal(TimelineRows.StateOf(e), TimelineRows.StateOf(now[e.Id])));
            }

            Assert.All(now.Values, e => Assert.True(e.NextDueOn is null || e.NextDueOn > next));
            day = next;
        }

        var recompute = await RecomputeAsync(factory, day);
        Assert.True(recompute.ChangedNothing, recompute.ToString());
    }

    [Fact]
    public async Task On_start_up_the_server_catches_up_on_the_days_it_missed()
    {
        var missed = MovingClockServerFactory.SeedDay.AddDays(45);
        await using var factory = new MovingClockServerFactory(MovingClockServerFactory.At(missed, 9));

        var run = await factory.RunAsync(1);

        // The data set was left on 2026-11-28: 45 days of due enterprises are re-evaluated in the first run.
        Assert.Equal(missed, run.Today);
        Assert.True(run.Enterprises > 0 && run.EnterprisesChanged > 0, run.ToString());
        Assert.Equal(0, await factory.DbAsync(db => db.Enterprises.CountAsync(e => e.NextDueOn <= missed)));
        Assert.Equal(0, await factory.DbAsync(db => db.Products.CountAsync(p => p.NextDueOn <= missed)));
        var recompute = await RecomputeAsync(factory, missed);
        Assert.True(recompute.ChangedNothing, recompute.ToString());
    }

    private static async Task<Dictionary<string, string>> ServedAsync(HttpClient client, IEnumerable<string> codes)
    {
        var served = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var reply = (await client.PostAsync(Status, new { code })).EnsureData();
            served[code] = JsonSerializer.Serialize(reply.Data.GetProperty("enterprise"));
        }

        return served;
    }

    internal static async Task<RecomputeSummary> RecomputeAsync(TestServerFactory factory, DateOnly today)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Recomputer>().RunAsync(
            scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>(), today, DateTime.UtcNow, null, default);
    }
}
