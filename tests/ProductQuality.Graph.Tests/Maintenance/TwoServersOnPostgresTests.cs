using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Maintenance;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Maintenance;

/// <summary>
/// Two servers on one PostgreSQL database wake for the same bureau day: their runs take the live writes' advisory
/// lock and pick their rows under it, so they take turns and no enterprise is re-evaluated twice. The test holds the
/// lock until both wait for it, so they really do run at the same time.
/// </summary>
public sealed class TwoServersOnPostgresTests
{
    private static readonly string Waiters = $"""
        SELECT count(*) FROM pg_locks
        WHERE locktype = 'advisory' AND NOT granted AND objid = {AssessmentTransaction.LockKey}
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        """;

    [PostgresFact]
    public async Task Two_servers_share_the_days_work_without_applying_anything_twice()
    {
        await using var seeded = new PostgresServerFactory();
        var connectionString = await seeded.DbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var day = MovingClockServerFactory.SeedDay.AddDays(45);
        var due = await seeded.DbAsync(db => db.Enterprises.CountAsync(e => e.NextDueOn <= day));
        Assert.True(due > 0);

        await using var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock({AssessmentTransaction.LockKey})", holder, held))
        {
            await take.ExecuteScalarAsync();
        }

        var start = MovingClockServerFactory.At(day, 0, 1);
        await using var first = new SharedPostgresServerFactory(connectionString, start);
        await using var second = new SharedPostgresServerFactory(connectionString, start);
        _ = first.Services;
        _ = second.Services;
        await using (var query = new NpgsqlCommand(Waiters, holder, held))
        {
            for (var waited = 0;
                Convert.ToInt64(await query.ExecuteScalarAsync(), CultureInfo.InvariantCulture) < 2;
                waited += 20)
            {
                Assert.True(waited < 60_000, "the two servers never both waited for the lock");
                await Task.Delay(20);
            }
        }

        await held.RollbackAsync();
        var runs = new[] { await first.RunAsync(1), await second.RunAsync(1) };

        Assert.All(runs, r => Assert.Equal(day, r.Today));
        Assert.True(runs.Sum(r => r.EnterprisesDue) <= due,
            $"{due} due, re-evaluated {string.Join("; ", runs.Select(r => r.ToString()))}");
        Assert.True(runs.Sum(r => r.EnterprisesChanged) >= due,
            $"{due} due, changed {string.Join("; ", runs.Select(r => r.ToString()))}");
        Assert.Equal(0, await seeded.DbAsync(db => db.Enterprises.CountAsync(e => e.NextDueOn <= day)));
        var twice = await seeded.DbAsync(db => db.EnterpriseAssessments
            .GroupBy(a => new { a.EnterpriseId, a.EffectiveFrom })
            .CountAsync(g => g.Count() > 1));
        Assert.Equal(0, twice);
        var recompute = await DailyReEvaluationTests.RecomputeAsync(seeded, day);
        Assert.True(recompute.ChangedNothing, recompute.ToString());
    }

    /// <summary>
    /// A server over an existing PostgreSQL database (not created or dropped here) with a moving clock.
    /// </summary>
    private sealed class SharedPostgresServerFactory(string connectionString, DateTimeOffset start) : TestServerFactory
    {
        public FakeTimeProvider Time { get; } = new(start);

        public Task<DueRunSummary> RunAsync(int count) =>
            MovingClock.WaitForRunAsync(Services.GetRequiredService<MaintenanceStatus>(), count);

        protected override void ConfigureDatabase(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", connectionString);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            MovingClock.Configure(builder, Time);
        }
    }
}
