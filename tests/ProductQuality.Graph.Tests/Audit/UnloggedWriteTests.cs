using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Audit.UnloggedWrites;
using ProductQuality.Graph.Tests.Changes;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Recording;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// A write commits before its request's entry is stored. When the entry never was (the log failed and the request
/// was refused, or the server was killed between the two commits) the write was in the data and in no entry: changed
/// with nobody accountable. The write's transaction now keeps what its entry would say, the entry's transaction
/// deletes it, and what outlives its request is recorded later (<see cref="UnloggedWriteRecovery"/>).
/// </summary>
public abstract class UnloggedWriteTests(TestServerFactory factory)
{
    protected const string Mutation = "mutation Unlogged($input: RecordManagementStatusInput!) { "
        + "recordManagementStatus(input: $input) { replayed } }";

    [ProviderFact]
    public async Task A_write_refused_for_its_entry_is_recorded_later_from_what_its_transaction_kept()
    {
        var (code, _, _) = await FeedWrites.EnterpriseAsync(factory, 162);
        var key = WriteData.Key();
        var purpose = AccessLogProbe.NewPurpose("unlogged");
        await factory.BreakStoreAsync(true);
        GraphQLReply refused;
        try
        {
            refused = await factory.ClientFor("samr-jiaxing").PostAsync(Mutation, purpose, Input(code, key));
        }
        finally
        {
            await factory.BreakStoreAsync(false);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Empty(await factory.EntriesAsync(purpose));
        var kept = Assert.Single(await UnloggedAsync(purpose));
        Assert.Equal(("recordManagementStatus", key), (kept.Operation, kept.IdempotencyKey));

        // Younger than the wait: it may be a request still running, whose own entry will settle it.
        var recovery = factory.Services.GetRequiredService<UnloggedWriteRecovery>();
        await recovery.RecoverAsync(TimeSpan.FromHours(1), CancellationToken.None);
        Assert.Empty(await factory.EntriesAsync(purpose));

        Assert.True(await recovery.RecoverAsync(TimeSpan.Zero, CancellationToken.None) >= 1);
        var entry = Assert.Single(await factory.EntriesAsync(purpose));
        Assert.Equal(UnloggedWriteRecovery.RecoveredCode, entry.ErrorCode);
        Assert.Equal((AccessOutcome.Error, 503), (entry.Outcome, entry.Status));
        Assert.Equal(("samr-jiaxing", "Unlogged"), (entry.Department, entry.OperationName));
        Assert.Equal(AccessLogProbe.Sha256(Mutation), entry.DocumentSha256);
        Assert.Equal(kept.RequestId, entry.RequestId);
        Assert.Equal(kept.AtUtc, entry.AtUtc);
        Assert.Empty(entry.Codes);
        Assert.Empty(entry.FieldGroups);
        Assert.Empty(await UnloggedAsync(purpose));

        // Recorded once: a second pass finds nothing of it.
        await recovery.RecoverAsync(TimeSpan.Zero, CancellationToken.None);
        Assert.Single(await factory.EntriesAsync(purpose));
        var chain = await factory.Services.GetRequiredService<ChainVerifier>().VerifyAsync();
        Assert.True(chain.Intact, chain.Problem);
    }

    [ProviderFact]
    public async Task A_request_that_wrote_twice_is_recovered_as_one_entry()
    {
        // Recovered row by row, one request became two entries (the writes probe): counts by department and purpose
        // then said two requests were made.
        const string TwoWrites = "mutation TwoUnlogged($a: RecordManagementStatusInput!, "
            + "$b: RecordManagementStatusInput!) { a: recordManagementStatus(input: $a) { replayed } "
            + "b: recordManagementStatus(input: $b) { replayed } }";
        var (first, _, _) = await FeedWrites.EnterpriseAsync(factory, 163);
        var (second, _, _) = await FeedWrites.EnterpriseAsync(factory, 164);
        var purpose = AccessLogProbe.NewPurpose("unlogged-two");
        await factory.BreakStoreAsync(true);
        GraphQLReply refused;
        try
        {
            refused = await factory.ClientFor("samr-jiaxing").PostAsync(TwoWrites, purpose, new
            {
                a = Fields(first, WriteData.Key()), b = Fields(second, WriteData.Key()),
            });
        }
        finally
        {
            await factory.BreakStoreAsync(false);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        var kept = await UnloggedAsync(purpose);
        Assert.Equal(2, kept.Count);
        Assert.Single(kept.Select(write => write.RequestId).Distinct());

        var recovered = await factory.Services.GetRequiredService<UnloggedWriteRecovery>()
            .RecoverAsync(TimeSpan.Zero, CancellationToken.None);
        Assert.True(recovered >= 2, $"{recovered} writes recovered");
        var entry = Assert.Single(await factory.EntriesAsync(purpose));
        Assert.Equal(("TwoUnlogged", UnloggedWriteRecovery.RecoveredCode), (entry.OperationName, entry.ErrorCode));
        Assert.Equal(kept[0].RequestId, entry.RequestId);
        Assert.Empty(await UnloggedAsync(purpose));
        var chain = await factory.Services.GetRequiredService<ChainVerifier>().VerifyAsync();
        Assert.True(chain.Intact, chain.Problem);
    }

    [ProviderFact]
    public async Task A_write_whose_entry_is_stored_leaves_nothing_to_recover()
    {
        var (code, _, _) = await FeedWrites.EnterpriseAsync(factory, 163);
        var purpose = AccessLogProbe.NewPurpose("logged");

        var reply = await factory.ClientFor("samr-jiaxing").PostAsync(Mutation, purpose, Input(code, WriteData.Key()));

        Assert.False(reply.EnsureData().Data.GetProperty("recordManagementStatus").GetProperty("replayed")
            .GetBoolean());
        Assert.Empty(await UnloggedAsync(purpose));
        await factory.Services.GetRequiredService<UnloggedWriteRecovery>()
            .RecoverAsync(TimeSpan.Zero, CancellationToken.None);
        var entry = Assert.Single(await factory.EntriesAsync(purpose));
        Assert.Null(entry.ErrorCode);
    }

    protected static object Input(string code, string key) => new { input = Fields(code, key) };

    private static object Fields(string code, string key) => new
    {
        idempotencyKey = key, creditCode = code, traceability = "FULL", qualitySystem = "CERTIFIED",
        effectiveFrom = "2026-11-20", note = "unlogged write test",
    };

    protected Task<List<UnloggedWrite>> UnloggedAsync(string purpose) =>
        factory.DbAsync(db => db.UnloggedWrites.AsNoTracking().Where(w => w.Purpose == purpose).ToListAsync());
}

/// <summary>The <see cref="UnloggedWriteTests"/> on the embedded SQLite database.</summary>
[Collection(WritableServerCollection.Name)]
public sealed class UnloggedWriteOnSqliteTests(WritableServerFactory factory) : UnloggedWriteTests(factory)
{
    [Fact]
    public async Task A_kept_write_is_stamped_at_its_commit_not_at_its_start()
    {
        // Stamped with the write's start, before it waited for the database and re-evaluated, the row said
        // "committed" seconds early (the writes probe), and a recovery counts its age from that moment. Another
        // connection's write transaction holds this write at its start for 1.5 s.
        var (code, _, _) = await FeedWrites.EnterpriseAsync(factory, 165);
        var purpose = AccessLogProbe.NewPurpose("unlogged-stamp");
        await factory.BreakStoreAsync(true);
        try
        {
            await using var holder = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
            await holder.OpenAsync();
            await using (var begin = new SqliteCommand("BEGIN IMMEDIATE", holder))
            {
                await begin.ExecuteNonQueryAsync();
            }

            var write = factory.ClientFor("samr-jiaxing").PostAsync(Mutation, purpose, Input(code, WriteData.Key()));
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await using (var rollback = new SqliteCommand("ROLLBACK", holder))
            {
                await rollback.ExecuteNonQueryAsync();
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await write).Status);
        }
        finally
        {
            await factory.BreakStoreAsync(false);
        }

        var kept = Assert.Single(await UnloggedAsync(purpose));
        Assert.True(kept.CommittedAtUtc - kept.AtUtc >= TimeSpan.FromSeconds(1),
            $"started {kept.AtUtc:O}, stamped committed {kept.CommittedAtUtc:O}");
    }
}

/// <summary>The <see cref="UnloggedWriteTests"/> on PostgreSQL (skipped locally without PQG_TEST_POSTGRES).</summary>
[OnPostgres]
[Collection(WritablePostgresServerCollection.Name)]
public sealed class UnloggedWriteOnPostgresTests(WritablePostgresServerFactory factory) : UnloggedWriteTests(factory);
