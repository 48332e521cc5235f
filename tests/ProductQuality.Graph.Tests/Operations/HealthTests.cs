using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Audit;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Operations;

/// <summary>
/// The probes as an orchestrator calls them: live answers while the process runs; ready is 200 while the database
/// answers and is migrated, and 503 when the database is gone or locked — with JSON naming each check and no
/// connection string, file path or provider message in it.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HealthTests(GraphServerFactory factory)
{
    [Fact]
    public async Task Live_and_ready_answer_200_with_each_check_named()
    {
        using var client = factory.CreateClient();
        var live = await Probe(client, "/health/live");
        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal("Healthy", live.Json.GetProperty("status").GetString());
        Assert.Empty(live.Json.GetProperty("checks").EnumerateArray());

        var ready = await Probe(client, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("Healthy", ready.Json.GetProperty("status").GetString());
        Assert.Equal("Healthy", Check(ready, "database").GetProperty("status").GetString());
        Assert.StartsWith("All ", Check(ready, "migrations").GetProperty("description").GetString(),
            StringComparison.Ordinal);
        AssertNoSecrets(ready, factory.DatabasePath);
    }

    /// <summary>
    /// With AllowedHosts set as the example advises for production, ASP.NET Core's filter answered every probe and
    /// scrape that addresses the server by its IP with an HTML 400 (the ops probe: liveness failed, the server was
    /// restarted in a loop). The probes are exempt now, and a request under another name gets the JSON error.
    /// </summary>
    [Fact]
    public async Task Probes_answer_whatever_name_they_use_and_other_requests_need_an_allowed_name()
    {
        using var named = factory.WithWebHostBuilder(b => b.UseSetting("AllowedHosts", "graph.example.gov.cn"));
        using var byAddress = named.CreateClient(new() { BaseAddress = new Uri("http://10.0.0.7:5080") });
        Assert.Equal(HttpStatusCode.OK, (await byAddress.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await byAddress.GetAsync("/health/ready")).StatusCode);

        var purpose = AccessLogProbe.NewPurpose("host");
        byAddress.DefaultRequestHeaders.Add(Graph.Audit.PurposeHeader.Name, purpose);
        var refused = await byAddress.PostAsync("/graphql",
            new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal("HOST_NOT_ALLOWED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("'10.0.0.7'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        // Refused at the door, and logged as every GraphQL request so refused is (the ops probe found none).
        Assert.Equal("HOST_NOT_ALLOWED", (await factory.EntryAsync(purpose)).ErrorCode);

        using var byName = named.CreateClient(new() { BaseAddress = new Uri("http://graph.example.gov.cn") });
        var answered = await byName.PostAsync("/graphql",
            new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task Ready_does_not_tell_anyone_how_many_requests_the_server_logged()
    {
        // The access log check once said "The access log's chain is at entry 203." to every anonymous caller: the
        // platform's request volume, which /metrics keeps for the scraper. Requests in between must not move it.
        using var client = factory.CreateClient();
        static string[] Said(GraphQLReply reply) => [.. reply.Json.GetProperty("checks").EnumerateArray()
            .Select(c => $"{c.GetProperty("name")}: {c.GetProperty("description")}")];
        var before = Said(await Probe(client, "/health/ready"));
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("/graphql?query=%7B__typename%7D")).Dispose();
        }

        var after = await Probe(client, "/health/ready");
        Assert.Equal(before, Said(after));
        Assert.DoesNotMatch(@"\d", Check(after, "access-log").GetProperty("description").GetString()!);
    }

    [Fact]
    public async Task Probes_need_no_token_and_a_bad_one_does_not_matter()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.OK, (await Probe(client, "/health/ready")).Status);
    }

    [Fact]
    public async Task Ready_turns_503_when_the_sqlite_file_is_removed_and_does_not_recreate_it()
    {
        using var server = new EmptySqliteServer();
        using var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Probe(client, "/health/ready")).Status);

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(server.DatabasePath + suffix);
        }

        var ready = await Probe(client, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("Unhealthy", ready.Json.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", Check(ready, "database").GetProperty("status").GetString());
        Assert.Equal("Unhealthy", Check(ready, "migrations").GetProperty("status").GetString());
        Assert.False(File.Exists(server.DatabasePath), "the readiness probe created an empty database");
        AssertNoSecrets(ready, server.DatabasePath);
        Assert.Equal(HttpStatusCode.OK, (await Probe(client, "/health/live")).Status);
    }

    [Fact]
    public async Task Ready_turns_503_while_another_process_holds_the_sqlite_file_locked_and_recovers()
    {
        using var server = new EmptySqliteServer();
        using var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Probe(client, "/health/ready")).Status);

        // In WAL mode a writer does not block readers (the server stays ready); an exclusive-mode lock taken while no
        // other connection is open does. The server's idle pooled connections are closed first.
        SqliteConnection.ClearAllPools();
        await using (var locker = new SqliteConnection(
            $"Data Source={server.DatabasePath};Pooling=False;Default Timeout=5"))
        {
            await locker.OpenAsync();
            await using var lockIt = locker.CreateCommand();
            lockIt.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; "
                + "UPDATE \"__EFMigrationsHistory\" SET \"ProductVersion\" = \"ProductVersion\";";
            await lockIt.ExecuteNonQueryAsync();

            var ready = await Probe(client, "/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
            Assert.Equal("Unhealthy", Check(ready, "migrations").GetProperty("status").GetString());
            AssertNoSecrets(ready, server.DatabasePath);
        }

        Assert.Equal(HttpStatusCode.OK, (await Probe(client, "/health/ready")).Status);
    }

    /// <summary>
    /// Another process holding the write lock (WAL: readers go on) holds every request at its log commit: ready says
    /// so once a commit has waited past <see cref="Audit.AccessLogHealthCheck.StalledAfter"/>, and recovers with it.
    /// </summary>
    [Fact]
    public async Task Ready_turns_503_while_the_access_log_waits_for_a_locked_database_and_recovers()
    {
        using var server = new EmptySqliteServer();
        using var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Probe(client, "/health/ready")).Status);

        Task<HttpResponseMessage> held;
        await using (var locker = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False"))
        {
            await locker.OpenAsync();
            await using var lockIt = locker.CreateCommand();
            lockIt.CommandText = "BEGIN EXCLUSIVE;";
            await lockIt.ExecuteNonQueryAsync();

            held = client.GetAsync("/graphql?query=%7B__typename%7D");
            GraphQLReply ready;
            var waited = System.Diagnostics.Stopwatch.StartNew();
            do
            {
                await Task.Delay(250);
                ready = await Probe(client, "/health/ready");
            }
            while (ready.Status == HttpStatusCode.OK && waited.Elapsed < TimeSpan.FromSeconds(20));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
            Assert.False(held.IsCompleted);
            var log = Check(ready, "access-log");
            Assert.Equal("Unhealthy", log.GetProperty("status").GetString());
            Assert.Contains("waited", log.GetProperty("description").GetString()!, StringComparison.Ordinal);
            AssertNoSecrets(ready, server.DatabasePath);
            await using var release = locker.CreateCommand();
            release.CommandText = "ROLLBACK;";
            await release.ExecuteNonQueryAsync();
        }

        using (var answer = await held)
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await Probe(client, "/health/ready")).Status);
    }

    /// <summary>
    /// A check that does not heed cancellation (a call into a hung database server: a frozen PostgreSQL held the probe
    /// for 33 s) still answers within the check timeout, as Unhealthy saying so.
    /// </summary>
    [Fact]
    public async Task A_check_that_hangs_answers_unhealthy_within_the_check_timeout()
    {
        using var server = new EmptySqliteServer();
        using var hung = server.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddHealthChecks()
            .AddCheck("hung", new HungCheck(), tags: [Graph.Operations.Health.HealthRegistration.ReadyTag])));
        using var client = hung.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(20);

        var ready = await Probe(client, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("The check did not finish within Health:CheckTimeoutSeconds.",
            Check(ready, "hung").GetProperty("description").GetString());
        Assert.Equal("Healthy", Check(ready, "database").GetProperty("status").GetString());
    }

    /// <summary>
    /// A database that stops answering holds a request no longer than the access log's commit wait: 503, try again.
    /// Held by a lock, every request waited out SQLite's busy timeout (30 s), through a frozen PostgreSQL 40 s (the
    /// ops probe).
    /// </summary>
    [Fact]
    public async Task A_request_whose_entry_cannot_be_committed_is_refused_within_the_commit_wait()
    {
        using var server = new EmptySqliteServer();
        using var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Probe(client, "/health/ready")).Status);
        await using var locker = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False");
        await locker.OpenAsync();
        await using var lockIt = locker.CreateCommand();
        lockIt.CommandText = "BEGIN EXCLUSIVE;";
        await lockIt.ExecuteNonQueryAsync();

        var waited = System.Diagnostics.Stopwatch.StartNew();
        var reply = await client.SendRawAsync(HttpMethod.Get, "/graphql?query=%7B__typename%7D");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, reply.Status);
        Assert.Equal("ACCESS_LOG_UNAVAILABLE", reply.FirstErrorCode);
        Assert.True(waited.Elapsed < Graph.Audit.AccessLogWriter.CommitWait + TimeSpan.FromSeconds(5),
            $"answered after {waited.Elapsed}");
        await using var release = locker.CreateCommand();
        release.CommandText = "ROLLBACK;";
        await release.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// A check given up while its database context is still connecting (a frozen PostgreSQL): ending the probe's scope
    /// returned the context to the pool, which threw, and the probe answered a bare 500 (the ops probe). The check
    /// runs in a scope of its own now, ended when it ends; the probe answers 503 saying the check ran out of time.
    /// </summary>
    [Fact]
    public async Task A_check_given_up_while_its_services_cannot_be_released_still_answers_503()
    {
        using var server = new EmptySqliteServer();
        using var hung = server.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddScoped<ReleaseThrows>();
            s.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                "hung-scoped", sp => new HungCheck(sp.GetRequiredService<ReleaseThrows>()), null,
                [Graph.Operations.Health.HealthRegistration.ReadyTag]));
        }));
        using var client = hung.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(20);

        var ready = await Probe(client, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("The check did not finish within Health:CheckTimeoutSeconds.",
            Check(ready, "hung-scoped").GetProperty("description").GetString());
    }

    /// <summary>As a pooled DbContext whose connection is still opening: releasing it throws.</summary>
    private sealed class ReleaseThrows : IDisposable
    {
        public void Dispose() => throw new InvalidOperationException("Can't close, connection is in state Connecting");
    }

    private sealed class HungCheck(object? service = null)
        : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
    {
        public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
            Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context,
            CancellationToken cancellationToken = default)
        {
            await Task.Delay(TimeSpan.FromSeconds(60), CancellationToken.None);   // heeds nothing
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy($"{service}");
        }
    }

    [PostgresFact]
    public async Task Ready_turns_503_when_the_postgres_database_is_dropped()
    {
        using var server = new EmptyPostgresServer();
        using var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Probe(client, "/health/ready")).Status);

        var connectionString = server.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var admin = new NpgsqlConnection(PostgresTestServer.RequireConnectionString()))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        var ready = await Probe(client, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("Unhealthy", Check(ready, "database").GetProperty("status").GetString());
        AssertNoSecrets(ready, database!);
        Assert.DoesNotContain("25432", ready.Body, StringComparison.Ordinal);
    }

    private static async Task<GraphQLReply> Probe(HttpClient client, string path)
    {
        var reply = await client.SendRawAsync(HttpMethod.Get, path, accept: null);
        Assert.StartsWith("application/json", reply.ContentType, StringComparison.Ordinal);
        Assert.Contains("no-", reply.Response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        return reply;
    }

    private static JsonElement Check(GraphQLReply reply, string name) =>
        reply.Json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static void AssertNoSecrets(GraphQLReply reply, string databaseName)
    {
        Assert.DoesNotContain(Path.GetFileName(databaseName), reply.Body, StringComparison.Ordinal);
        foreach (var word in new[] { "Data Source", "Host=", "Password", "Exception", "SQLite Error", "   at " })
        {
            Assert.DoesNotContain(word, reply.Body, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var check in reply.Json.GetProperty("checks").EnumerateArray())
        {
            Assert.False(string.IsNullOrWhiteSpace(check.GetProperty("description").GetString()));
        }
    }
}
