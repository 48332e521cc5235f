using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Changes;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Recording;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// A write stopped at the deadline while another process held the SQLite file's write lock (<c>BEGIN EXCLUSIVE</c> in
/// the sqlite3 shell) was answered 400 QUERY_TIMEOUT, "writes run one at a time": the caller was blamed for a lock it
/// has nothing to do with. Now 503 DATABASE_UNAVAILABLE with Retry-After, saying another session holds the lock.
/// </summary>
[Collection(WritableServerCollection.Name)]
public sealed class LockedDatabaseTimeoutTests(WritableServerFactory factory)
{
    // The access log shares the file: with it on, its entry would wait for the lock too (ACCESS_LOG_UNAVAILABLE).
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["GraphQL:Limits:ExecutionTimeoutMs"] = "1500",
        ["AccessLog:Enabled"] = "false",
    };

    [Fact]
    public async Task A_write_stopped_while_another_process_holds_the_write_lock_is_503_database_unavailable()
    {
        await using var locker = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        // Released well after the deadline, so the write is not left waiting for SQLite's busy timeout (30 s). A
        // failing test disposes the connection unpooled, which releases the lock as well.
        var reply = await WriteWhileHeldAsync(
            async _ => { await locker.OpenAsync(); await ExecuteAsync(locker, "BEGIN EXCLUSIVE;"); },
            () => ExecuteAsync(locker, "ROLLBACK;"));

        Assert.True(HttpStatusCode.ServiceUnavailable == reply.Status, reply.Body);
        Assert.Equal("DATABASE_UNAVAILABLE", reply.FirstErrorCode);
        Assert.Equal("5", reply.Response.Headers.RetryAfter?.ToString());
        Assert.Contains("Another session holds a lock on the data", reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Contains("idempotencyKey", reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    // The access log's writer holds its batch on a plain connection of its own, outside EF's interceptors: a write
    // waiting behind it was judged to wait for a lock held elsewhere (503), though the holder is this server.
    [Fact]
    public async Task A_write_waiting_behind_the_access_log_writers_own_batch_keeps_the_servers_own_answer()
    {
        SqliteConnection? batch = null;
        var reply = await WriteWhileHeldAsync(
            async services =>
            {
                var store = services.GetRequiredService<AccessLogStore>();
                batch = (SqliteConnection)await store.OpenConnectionAsync(CancellationToken.None);
                await ExecuteAsync(batch, "BEGIN IMMEDIATE;");
            },
            async () => { await ExecuteAsync(batch!, "ROLLBACK;"); await batch!.DisposeAsync(); });

        AssertOwnWait(reply);
    }

    // The store's own contexts (archiver, unlogged-write recovery, chain verifier, health check) were not known to
    // DatabaseLocks either: the archiver holds a write transaction while it writes its files, and a write behind it
    // was told another session held the lock (503).
    [Fact]
    public async Task A_write_waiting_behind_a_context_of_the_access_log_store_keeps_the_servers_own_answer()
    {
        ProductQuality.Graph.Data.ProductQualityDbContext? archiver = null;
        var reply = await WriteWhileHeldAsync(
            async services =>
            {
                archiver = services.GetRequiredService<AccessLogStore>().CreateContext();
                await archiver.Database.BeginTransactionAsync();
            },
            async () => { await archiver!.Database.RollbackTransactionAsync(); await archiver.DisposeAsync(); });

        AssertOwnWait(reply);
    }

    // A city write sent while `hold` holds the database, released after 5 s: well past the 1.5 s deadline.
    private async Task<GraphQLReply> WriteWhileHeldAsync(Func<IServiceProvider, Task> hold, Func<Task> release)
    {
        using var server = new LimitedServer(factory, Settings);
        var client = server.ClientFor("samr-jiaxing");
        var (code, _, _) = await factory.EnterpriseAsync(0);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("{ __typename }")).Status);

        await hold(server.Services);
        var write = client.PostAsync(Writes.RecordBlacklistDecision, Decision(code));
        await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(5)));
        await release();
        return await write;
    }

    private static void AssertOwnWait(GraphQLReply reply)
    {
        Assert.True(HttpStatusCode.BadRequest == reply.Status, reply.Body);
        Assert.Equal("QUERY_TIMEOUT", reply.FirstErrorCode);
        Assert.Contains("writes run one at a time", reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    internal static object Decision(string code) => new
    {
        input = new
        {
            idempotencyKey = WriteData.Key(), creditCode = code, action = "LIST", decidedOn = WriteData.Today,
            decisionNumber = WriteData.Unique("嘉市监黑决"), reasonCategory = "COUNTERFEITING",
            reason = "制假售假，罚没并列入黑名单 (test decision)",
        },
    };

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
