using System.Net;
using Npgsql;
using ProductQuality.Graph.Tests.Changes;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Recording;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// A request stopped at the deadline while its statement waited for a table lock another session held (psql's
/// <c>LOCK TABLE "Enterprises" IN ACCESS EXCLUSIVE MODE</c> in the probe) was answered 400 QUERY_TIMEOUT, "do not send
/// it again as it is": the <c>SELECT 1</c> beside it does not touch the table, so the wait was judged the request's
/// own. Now 503 DATABASE_UNAVAILABLE with Retry-After, saying another session holds a lock on the data it needs. A
/// write waiting its turn behind another write (the re-evaluation lock) keeps its answer.
/// </summary>
[Collection(WritablePostgresServerCollection.Name)]
public sealed class LockedDatabaseTimeoutOnPostgresTests(WritablePostgresServerFactory factory)
{
    private const string Small = "{ enterprises(first: 2) { items { name } } }";

    private static readonly Dictionary<string, string> ShortTimeout = new()
    {
        ["GraphQL:Limits:ExecutionTimeoutMs"] = "1500",
    };

    [PostgresFact]
    public async Task A_query_and_a_write_waiting_for_a_table_lock_of_another_session_are_503_database_unavailable()
    {
        using var server = new LimitedServer(factory, ShortTimeout);
        var client = server.ClientFor("samr-jiaxing");
        var (code, _, _) = await factory.EnterpriseAsync(0);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Small)).Status);

        // A failing test disposes the connection, which ends its transaction and the lock with it.
        await using var locker = await LockerAsync("LOCK TABLE \"Enterprises\" IN ACCESS EXCLUSIVE MODE");
        var read = await client.PostAsync(Small);
        var write = await client.PostAsync(Writes.RecordBlacklistDecision,
            LockedDatabaseTimeoutTests.Decision(code));
        await Execute(locker, "ROLLBACK");

        foreach (var reply in new[] { read, write })
        {
            Assert.True(HttpStatusCode.ServiceUnavailable == reply.Status, reply.Body);
            Assert.Equal("DATABASE_UNAVAILABLE", reply.FirstErrorCode);
            Assert.Equal("5", reply.Response.Headers.RetryAfter?.ToString());
            Assert.Contains("Another session holds a lock on the data", reply.FirstErrorMessage,
                StringComparison.Ordinal);
        }

        Assert.Contains("idempotencyKey", write.FirstErrorMessage, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_write_waiting_its_turn_behind_another_write_keeps_the_timeout_for_writes()
    {
        using var server = new LimitedServer(factory, ShortTimeout);
        var client = server.ClientFor("samr-jiaxing");
        var (code, _, _) = await factory.EnterpriseAsync(0);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Small)).Status);

        // What a recompute batch, or a write of another server on the same database, holds while it re-evaluates.
        await using var locker = await LockerAsync(
            $"SELECT pg_advisory_xact_lock({Graph.Assessment.AssessmentTransaction.LockKey})");
        var write = await client.PostAsync(Writes.RecordBlacklistDecision,
            LockedDatabaseTimeoutTests.Decision(code));
        await Execute(locker, "ROLLBACK");

        Assert.True(HttpStatusCode.BadRequest == write.Status, write.Body);
        Assert.Equal("QUERY_TIMEOUT", write.FirstErrorCode);
        Assert.Contains("writes run one at a time", write.FirstErrorMessage, StringComparison.Ordinal);
    }

    // The first write takes the writes' turn (advisory) and waits for psql's lock; the others wait for its turn. They
    // were told they waited for a re-evaluation batch in progress (400), though psql held them all up (the lock probe).
    [PostgresFact]
    public async Task Writes_queued_behind_a_write_that_waits_for_another_sessions_lock_are_503_too()
    {
        using var server = new LimitedServer(factory, ShortTimeout);
        var client = server.ClientFor("samr-jiaxing");
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await factory.EnterpriseAsync(i)).CreditCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Small)).Status);

        await using var locker = await LockerAsync("LOCK TABLE \"BlacklistEvents\" IN SHARE MODE");
        var writes = await Task.WhenAll(codes.Select(code => client.PostAsync(Writes.RecordBlacklistDecision,
            LockedDatabaseTimeoutTests.Decision(code))));
        await Execute(locker, "ROLLBACK");

        foreach (var reply in writes)
        {
            Assert.True(HttpStatusCode.ServiceUnavailable == reply.Status, reply.Body);
            Assert.Equal("DATABASE_UNAVAILABLE", reply.FirstErrorCode);
            Assert.Contains("Another session holds a lock on the data", reply.FirstErrorMessage,
                StringComparison.Ordinal);
        }
    }

    private async Task<NpgsqlConnection> LockerAsync(string sql)
    {
        var locker = new NpgsqlConnection(factory.ConnectionString);
        await locker.OpenAsync();
        await Execute(locker, "BEGIN");
        await Execute(locker, sql);
        return locker;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
