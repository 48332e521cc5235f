using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Recording;

namespace ProductQuality.Graph.Tests.Assessment;

/// <summary>
/// <c>recompute</c> is safe while the server runs only if its batches and live writes re-evaluate one after another:
/// on PostgreSQL both must take the same advisory lock. The test holds that lock itself, as a write in the middle of
/// its transaction would, starts a recompute and a real write, sees both wait for it, lets go, and checks that the
/// write is recorded and a second recompute finds nothing left to change.
/// </summary>
[Collection(WritablePostgresServerCollection.Name)]
public sealed class RecomputeLockOnPostgresTests(WritablePostgresServerFactory factory)
{
    // A bigint key below 2^32 shows in pg_locks as objid (its low half).
    private static readonly string Waiters = $"""
        SELECT count(*) FROM pg_locks
        WHERE locktype = 'advisory' AND NOT granted AND objid = {AssessmentTransaction.LockKey}
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        """;

    [PostgresFact]
    public async Task A_recompute_waits_for_the_lock_a_live_write_holds_and_both_complete()
    {
        var subject = await factory.DbAsync(db => db.Enterprises.AsNoTracking()
            .Where(e => !e.IsBlacklisted).OrderBy(e => e.Id).Skip(7)
            .Select(e => new
            {
                e.CreditCode,
                Product = db.EnterpriseProducts.Where(p => p.EnterpriseId == e.Id).Select(p => p.ProductCode).First(),
            })
            .FirstAsync());
        var connectionString = await factory.DbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        var lockSql = $"SELECT pg_advisory_xact_lock({AssessmentTransaction.LockKey})";
        await using (var take = new NpgsqlCommand(lockSql, holder, held))
        {
            await take.ExecuteScalarAsync();
        }

        var recompute = RecomputeAsync();
        Assert.True(
            await WaitingAsync(holder, held, recompute, 1), "the recompute ran without waiting for the write's lock");
        var write = factory.ClientFor("samr-jiaxing")
            .PostAsync(Writes.RecordSampling, Writes.Sampling(subject.CreditCode, subject.Product, passed: false));
        Assert.True(await WaitingAsync(holder, held, write, 2), "the write ran without waiting for the lock");

        await held.RollbackAsync();
        (await write).EnsureData();
        await recompute;
        Assert.True((await RecomputeAsync()).ChangedNothing, "a recompute after both changed something");
    }

    private Task<RecomputeSummary> RecomputeAsync() => Task.Run(async () =>
    {
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var clock = services.GetRequiredService<BureauClock>();
        return await services.GetRequiredService<Recomputer>().RunAsync(
            services.GetRequiredService<ProductQualityDbContext>(), clock.Today, clock.UtcNow, null, default);
    });

    // True once `count` sessions wait for the lock; false if the task finished first, i.e. never asked for it.
    private static async Task<bool> WaitingAsync(NpgsqlConnection holder, NpgsqlTransaction held, Task task, int count)
    {
        await using var query = new NpgsqlCommand(Waiters, holder, held);
        while (!task.IsCompleted)
        {
            var waiting = Convert.ToInt64(await query.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            if (waiting >= count)
            {
                return true;
            }

            await Task.Delay(10);
        }

        return false;
    }
}
