using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Operations;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// A request stopped at the deadline is answered for what held it up. A database that does not answer (a frozen
/// PostgreSQL in the ops probe) is the server's fault: 503 DATABASE_UNAVAILABLE with Retry-After, not 400
/// QUERY_TIMEOUT. A query whose own statements took the time while the database answered others is told not to send
/// it again as it is, however small its estimate (200 aliases of a count priced at one row each were told to retry);
/// one that was not waiting for the database is told both possible causes and what to do for each. A large query is
/// still told to ask for less.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SlowDatabaseTimeoutTests(GraphServerFactory factory)
{
    private const string Small = "{ enterprises(first: 2) { items { name } } }";

    // Short, but long enough that a loaded machine's own delays before the first command do not reach it: the
    // deadline must fall inside the hold.
    private static readonly Dictionary<string, string> ShortTimeout = new()
    {
        ["GraphQL:Limits:ExecutionTimeoutMs"] = "1500",
    };

    [Fact]
    public async Task A_small_query_whose_own_statements_ran_past_the_deadline_is_not_told_to_retry()
    {
        var reads = new SlowEnterpriseReads(TimeSpan.FromSeconds(10));
        using var server = new LimitedServer(factory, ShortTimeout, s => s.AddSingleton<IInterceptor>(reads));
        var client = await WarmClientAsync(server, reads);

        var small = await StoppedInHoldAsync(client, reads, Small);
        var large = await StoppedInHoldAsync(client, reads, "{ enterprises(first: 400) { items { name "
            + "products { name } classHistory { class } inspections(limit: 2) { passed } } } }");

        Assert.True(HttpStatusCode.BadRequest == small.Status, small.Body);
        Assert.Equal("QUERY_TIMEOUT", small.FirstErrorCode);
        Assert.Contains("still working on its statements", small.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Contains("do not send it again as it is", small.FirstErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Retry", small.FirstErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("slow just now", small.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal("QUERY_TIMEOUT", large.FirstErrorCode);
        Assert.Contains("smaller pages", large.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_query_not_waiting_for_the_database_is_told_both_causes_and_what_to_do_for_each()
    {
        var reads = new SlowEnterpriseReads(TimeSpan.FromSeconds(10), afterTheCommand: true);
        using var server = new LimitedServer(factory, ShortTimeout, s => s.AddSingleton<IInterceptor>(reads));
        var client = await WarmClientAsync(server, reads);

        var small = await StoppedInHoldAsync(client, reads, Small);

        Assert.True(HttpStatusCode.BadRequest == small.Status, small.Body);
        Assert.Equal("QUERY_TIMEOUT", small.FirstErrorCode);
        Assert.Contains("was not waiting for the database", small.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Contains("the server was busy with other requests", small.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Contains("must not be repeated", small.FirstErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("slow just now", small.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_stopped_while_the_database_does_not_answer_is_503_database_unavailable()
    {
        var reads = new SlowEnterpriseReads(TimeSpan.FromSeconds(30), holdsProbes: true);
        using var server = new LimitedServer(factory, ShortTimeout, s => s.AddSingleton<IInterceptor>(reads));
        var client = await WarmClientAsync(server, reads);

        var reply = await StoppedInHoldAsync(client, reads, Small);

        Assert.True(HttpStatusCode.ServiceUnavailable == reply.Status, reply.Body);
        Assert.Equal("DATABASE_UNAVAILABLE", reply.FirstErrorCode);
        Assert.Equal("5", reply.Response.Headers.RetryAfter?.ToString());
        var extensions = reply.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(5, extensions.GetProperty("retryAfterSeconds").GetInt32());
        Assert.Contains("the request itself is fine", reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_stopped_while_its_connection_was_being_opened_is_503_database_unavailable()
    {
        var openings = new HeldOpenings();
        using var server = new LimitedServer(factory, new Dictionary<string, string>(ShortTimeout)
        {
            ["AccessLog:Enabled"] = "false",
        }, s => s.AddSingleton<IInterceptor>(openings));
        var client = server.ClientFor("samr-jiaxing");
        await WarmUpAsync(client);

        openings.Held = true;
        var reply = await StoppedInHoldAsync(client, openings, Small);
        openings.Held = false;

        Assert.True(HttpStatusCode.ServiceUnavailable == reply.Status, reply.Body);
        Assert.Equal("DATABASE_UNAVAILABLE", reply.FirstErrorCode);
        Assert.Equal("5", reply.Response.Headers.RetryAfter?.ToString());
    }

    /// <summary>
    /// The access log's commit wait is counted from the request's start: a request that ran 6 s and then found the log
    /// held waited a further 10 s (a frozen PostgreSQL: 25 s in all, the ops probe); now about 2 s more.
    /// </summary>
    [Fact]
    public async Task A_request_that_ran_long_waits_for_its_log_entry_only_what_is_left_of_the_commit_wait()
    {
        var ran = TimeSpan.FromSeconds(6);
        using var empty = new EmptySqliteServer();
        using var server = empty.WithWebHostBuilder(b => b.ConfigureTestServices(
            s => s.AddSingleton<IInterceptor>(new SlowEnterpriseReads(ran) { Held = true })));
        using var client = server.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        client.DefaultRequestHeaders.Authorization = new("Bearer", server.Services
            .GetRequiredService<DevelopmentTokenIssuer>().Issue("samr-jiaxing", "test", TimeSpan.FromMinutes(10)));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("{ __typename }")).Status);
        await using var locker = new SqliteConnection($"Data Source={empty.DatabasePath};Pooling=False");
        await locker.OpenAsync();
        await using var lockIt = locker.CreateCommand();
        lockIt.CommandText = "BEGIN IMMEDIATE;"; // the log's writes wait; reads go on (WAL)
        await lockIt.ExecuteNonQueryAsync();
        try
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            var reply = await client.PostAsync(Small);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, reply.Status);
            Assert.Equal("ACCESS_LOG_UNAVAILABLE", reply.FirstErrorCode);
            Assert.True(waited.Elapsed >= ran, $"answered after {waited.Elapsed}: the read was not held");
            Assert.True(waited.Elapsed < ran + Graph.Audit.AccessLogWriter.MinimumCommitWait + TimeSpan.FromSeconds(4),
                $"answered after {waited.Elapsed}");
        }
        finally
        {
            await using var release = locker.CreateCommand();
            release.CommandText = "ROLLBACK;";
            await release.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public void The_commit_wait_is_what_is_left_of_it_and_never_less_than_its_minimum()
    {
        Assert.Equal(TimeSpan.FromSeconds(9), Graph.Audit.AccessLogWriter.CommitWaitAfter(TimeSpan.FromSeconds(1)));
        Assert.Equal(Graph.Audit.AccessLogWriter.MinimumCommitWait,
            Graph.Audit.AccessLogWriter.CommitWaitAfter(TimeSpan.FromSeconds(10.5)));
    }

    /// <summary>
    /// A client whose server has run the small query once, unheld: a host's first query (compiled, its connection
    /// opened) can take longer than the deadline on a busy machine, and the deadline must find the hold.
    /// </summary>
    private static async Task<HttpClient> WarmClientAsync(LimitedServer server, SlowEnterpriseReads reads)
    {
        var client = server.ClientFor("samr-jiaxing");
        await WarmUpAsync(client);
        reads.Held = true;
        return client;
    }

    /// <summary>
    /// The reply to <paramref name="query"/>, sent until the deadline stops it inside the hold (at most five times): on
    /// a loaded machine the deadline can pass before the first command is sent, which is not the case under test.
    /// </summary>
    private static async Task<GraphQLReply> StoppedInHoldAsync(HttpClient client, IHold hold, string query)
    {
        GraphQLReply reply;
        var attempts = 0;
        do
        {
            hold.StoppedInside = false;
            reply = await client.PostAsync(query);
        }
        while (!hold.StoppedInside && ++attempts < 5);

        Assert.True(hold.StoppedInside, $"The deadline never fell inside the hold: {reply.Body}");
        return reply;
    }

    private static async Task WarmUpAsync(HttpClient client)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if ((await client.PostAsync(Small)).Status == HttpStatusCode.OK)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Holds every read of the enterprises while <see cref="Held"/>, as a stalled database (or a statement dearer than
    /// its estimate) would: before the command, or after it ended (the server's own work); with <c>holdsProbes</c>,
    /// the server's <c>SELECT 1</c> beside it too (a database that answers nothing).
    /// </summary>
    private sealed class SlowEnterpriseReads(TimeSpan hold, bool afterTheCommand = false, bool holdsProbes = false)
        : DbCommandInterceptor, IHold
    {
        public volatile bool Held;

        public bool StoppedInside { get; set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            if (Held && !afterTheCommand && IsEnterpriseRead(command))
            {
                await IHold.HoldAsync(this, hold, cancellationToken);
            }

            return result;
        }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command,
            CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (Held && afterTheCommand && IsEnterpriseRead(command))
            {
                await IHold.HoldAsync(this, hold, cancellationToken);
            }

            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Held && holdsProbes && command.CommandText == "SELECT 1")
            {
                await Task.Delay(hold, cancellationToken);
            }

            return result;
        }

        private static bool IsEnterpriseRead(DbCommand command) =>
            command.CommandText.Contains("FROM \"Enterprises\"", StringComparison.Ordinal);
    }

    /// <summary>Holds every connection being opened while <see cref="Held"/>, as an exhausted pool would.</summary>
    private sealed class HeldOpenings : DbConnectionInterceptor, IHold
    {
        public volatile bool Held;

        public bool StoppedInside { get; set; }

        public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection,
            ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Held)
            {
                await IHold.HoldAsync(this, TimeSpan.FromSeconds(10), cancellationToken);
            }

            return result;
        }
    }

    private interface IHold
    {
        /// <summary>Whether the deadline stopped a request inside the hold, not before it began.</summary>
        bool StoppedInside { get; set; }

        /// <summary>Holds for <paramref name="hold"/>, noting when the deadline falls inside it.</summary>
        static async Task HoldAsync(IHold held, TimeSpan hold, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested(); // passed before the hold began
            try
            {
                await Task.Delay(hold, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                held.StoppedInside = true;
                throw;
            }
        }
    }
}
