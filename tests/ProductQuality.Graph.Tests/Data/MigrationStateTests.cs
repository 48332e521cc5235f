using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProductQuality.Graph.Tests.Audit;
using ProductQuality.Graph.Tests.Changes;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// The database's migration history against this build's (the probe's findings). A newer release that migrated the
/// shared database during a rolling upgrade made every restart of this build exit 3 with "created by an earlier
/// development build … delete the SQLite file", while the servers still running served it Degraded; verbs ran (and
/// recompute committed) on a database of another build or missing a migration; and a write on a database missing a
/// table was answered INTERNAL_ERROR.
/// </summary>
public abstract class MigrationStateTests
{
    // After this build's last migration (2026-12-06): a newer release's. Before its first: an older build's.
    private const string Newer = "20991231235959_FromANewerRelease";
    private const string Older = "20261128113621_Initial";

    protected abstract TestServerFactory NewServer();

    /// <summary>Database:Provider and Database:ConnectionString of the server's database, for a verb.</summary>
    protected abstract string[] DatabaseSettings(TestServerFactory server);

    /// <summary>
    /// A newer release's column on Complaints that this build's insert leaves out and the database refuses empty:
    /// NOT NULL on PostgreSQL (the probe's statements); on SQLite, which adds a NOT NULL column only with a default,
    /// a CHECK that the rows already there (up to <paramref name="lastId"/>) pass.
    /// </summary>
    protected abstract string NewerRequiredColumn(long lastId);

    [ProviderFact]
    public async Task A_restart_after_a_newer_release_migrated_the_database_serves_it_degraded()
    {
        using var server = NewServer();
        var token = server.ClientFor("samr-jiaxing").DefaultRequestHeaders.Authorization;
        await HistoryAsync(server, $"""INSERT INTO "__EFMigrationsHistory" VALUES ('{Newer}', '99.0.0')""");

        foreach (var migrate in new[] { "true", "false" })
        {
            using var restarted = server.WithWebHostBuilder(b => b.UseSetting("Database:MigrateOnStart", migrate));
            var client = restarted.CreateClient();
            client.DefaultRequestHeaders.Authorization = token;
            var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            var body = await ready.Content.ReadAsStringAsync();
            Assert.True(ready.StatusCode == HttpStatusCode.OK, body);
            Assert.Contains("\"status\":\"Degraded\"", body, StringComparison.Ordinal);
            Assert.Contains("newer ones this server does not know: upgrade it", body, StringComparison.Ordinal);
            var reply = await client.PostAsync("{ enterprises(first: 0) { totalCount } }");
            Assert.Equal(TestServerFactory.Enterprises,
                reply.EnsureData().Data.GetProperty("enterprises").GetProperty("totalCount").GetInt32());
        }
    }

    /// <summary>Each verb that reads or writes the database refuses, with the server's sentence, and writes nothing.
    /// </summary>
    [ProviderFact]
    public async Task Verbs_refuse_a_database_of_another_build_or_missing_a_migration()
    {
        using var server = NewServer();
        using var process = new VerbProcess();
        var code = (await server.EnterpriseAsync(5)).CreditCode;
        var before = await ClassesAsync(server);
        var history = (await server.DbAsync(db => db.Database.GetAppliedMigrationsAsync())).ToList();
        var states = new (string Sql, string Said)[]
        {
            ($"""INSERT INTO "__EFMigrationsHistory" VALUES ('{Older}', '10.0.0')""", "earlier development build"),
            ($"""INSERT INTO "__EFMigrationsHistory" VALUES ('{Newer}', '99.0.0')""", "newer than this build's last"),
            ("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '%_UnloggedWrites'""",
                $"1 of {history.Count} migrations are not applied: start with Database:MigrateOnStart=true"),
        };
        string[][] verbs =
        [
            ["recompute", "--Rules:EnterpriseClass:FailuresForC=1"], ["report"], ["audit", "verify"],
            ["token", "--revoke", code],
        ];
        foreach (var (sql, said) in states)
        {
            await HistoryAsync(server, sql);
            foreach (var verb in verbs)
            {
                var (exit, output, error) = await process.RunAsync([.. verb, .. DatabaseSettings(server)]);
                Assert.True(exit == 3, $"{string.Join(' ', verb)}, {said}: exit {exit}: {output} {error}");
                Assert.Contains(said, error, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            }

            await HistoryAsync(server, """DELETE FROM "__EFMigrationsHistory" """);
            foreach (var id in history)
            {
                await HistoryAsync(server, $"""INSERT INTO "__EFMigrationsHistory" VALUES ('{id}', '10.0.15')""");
            }
        }

        Assert.Equal(before, await ClassesAsync(server));
        Assert.Equal(0, await server.DbAsync(db => db.EnterpriseTokenRevocations.CountAsync()));
    }

    /// <summary>
    /// A server started with Database:MigrateOnStart=false on a database missing a migration: a write failed on the
    /// missing table as INTERNAL_ERROR (PostgreSQL's 42P01), as if the server had a bug.
    /// </summary>
    [ProviderFact]
    public async Task A_write_on_a_database_missing_a_table_is_503_database_not_migrated()
    {
        using var server = NewServer();
        var code = (await server.EnterpriseAsync(3)).CreditCode;
        await HistoryAsync(server, """DROP TABLE "UnloggedWrites" """);
        var input = new { input = new { idempotencyKey = $"not-migrated-{Guid.NewGuid():N}", creditCode = code,
            traceability = "FULL", qualitySystem = "CERTIFIED", effectiveFrom = "2026-11-20", note = "not migrated" } };

        var reply = await server.ClientFor("samr-jiaxing").PostAsync("mutation($input: RecordManagementStatusInput!) "
            + "{ recordManagementStatus(input: $input) { replayed } }", AccessLogProbe.NewPurpose("not-migrated"),
            input);

        Assert.True(reply.Status == HttpStatusCode.ServiceUnavailable, reply.Body);
        Assert.Equal("DATABASE_NOT_MIGRATED", reply.FirstErrorCode);
        Assert.Contains("not migrated", reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, await server.DbAsync(db => db.ManagementRecords.CountAsync(r => r.Note == "not migrated")));
    }

    /// <summary>
    /// A newer release migrated the database and added a column this build does not fill: the write was answered
    /// 200 INTERNAL_ERROR "retry, or report that id" (PostgreSQL's 23502), which no retry mends. Refused as the
    /// database's state, telling the operator to upgrade this server, and nothing written.
    /// </summary>
    [ProviderFact]
    public async Task A_write_a_newer_releases_required_column_refuses_is_503_telling_to_upgrade_this_server()
    {
        using var server = NewServer();
        var lastId = await server.DbAsync(db => db.Complaints.MaxAsync(c => (long?)c.Id)) ?? 0;
        await HistoryAsync(server, NewerRequiredColumn(lastId));
        await HistoryAsync(server, $"""INSERT INTO "__EFMigrationsHistory" VALUES ('{Newer}', '99.0.0')""");
        var logs = new Operations.CapturedLogs();
        using var logged = server.WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var client = logged.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            server.ClientFor("samr-jiaxing").DefaultRequestHeaders.Authorization;

        var reply = await ComplaintAsync(server, "newer-column", client);

        AssertUpgradeThisServer(reply);
        Assert.Equal(0, await server.DbAsync(db => db.Complaints.CountAsync(c => c.Id > lastId)));
        // The database's state, said in the operator's log as a warning line (at most one a minute from each place,
        // so another test's request may have said it): it was an error with the driver's stack trace, every time,
        // as if the server had a bug.
        Assert.DoesNotContain(logs.Entries, e => e.Exception is not null && e.Level >= LogLevel.Error);
        Assert.All(logs.Entries.Where(e => e.Message.Contains("migrated by a newer release", StringComparison.Ordinal)),
            e => Assert.True(e.Level == LogLevel.Warning && e.Exception is null, e.Message));
    }

    /// <summary>
    /// A newer release renamed a column this build writes: the refusal was DATABASE_NOT_MIGRATED, but its sentence
    /// told the operator to migrate the database or re-create it with the seed verb, erasing it, when the database
    /// is ahead of the server.
    /// </summary>
    [ProviderFact]
    public async Task A_write_after_a_newer_release_renamed_a_column_tells_to_upgrade_this_server_not_to_seed()
    {
        using var server = NewServer();
        var before = await server.DbAsync(db => db.Complaints.CountAsync());
        await HistoryAsync(server, """ALTER TABLE "Complaints" RENAME COLUMN "Summary" TO "Text" """);
        await HistoryAsync(server, $"""INSERT INTO "__EFMigrationsHistory" VALUES ('{Newer}', '99.0.0')""");

        var reply = await ComplaintAsync(server, "renamed-column");

        AssertUpgradeThisServer(reply);
        Assert.Equal(before, await server.DbAsync(db => db.Complaints.CountAsync()));
    }

    private static async Task<GraphQLReply> ComplaintAsync(TestServerFactory server, string purpose,
        HttpClient? client = null)
    {
        var (code, product, _) = await server.EnterpriseAsync(4);
        var input = new { input = new { idempotencyKey = $"{purpose}-{Guid.NewGuid():N}", creditCode = code,
            productCode = product, foundValidOn = "2026-11-10", summary = "插座外壳开裂" } };
        return await (client ?? server.ClientFor("samr-jiaxing")).PostAsync(Recording.Writes.RecordValidComplaint,
            AccessLogProbe.NewPurpose(purpose), input);
    }

    private static void AssertUpgradeThisServer(GraphQLReply reply)
    {
        Assert.True(reply.Status == HttpStatusCode.ServiceUnavailable, reply.Body);
        Assert.Equal("DATABASE_NOT_MIGRATED", reply.FirstErrorCode);
        Assert.Contains("migrated by a newer release", reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Contains("upgrades this server to that release", reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("erases the data", reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("MigrateOnStart=true", reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    private static Task<int> HistoryAsync(TestServerFactory server, string sql) =>
        server.DbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    private static Task<string> ClassesAsync(TestServerFactory server) => server.DbAsync(async db =>
        string.Join(',', await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Class).ToListAsync()));
}

/// <summary>The <see cref="MigrationStateTests"/> on SQLite.</summary>
public sealed class MigrationStateOnSqliteTests : MigrationStateTests
{
    protected override TestServerFactory NewServer() => new WritableServerFactory();

    protected override string[] DatabaseSettings(TestServerFactory server) =>
        [$"--Database:ConnectionString=Data Source={((GraphServerFactory)server).DatabasePath}"];

    protected override string NewerRequiredColumn(long lastId) => $"""
        ALTER TABLE "Complaints" ADD COLUMN "Channel" TEXT NULL CHECK ("Channel" IS NOT NULL OR "Id" <= {lastId})
        """;
}

/// <summary>The <see cref="MigrationStateTests"/> on PostgreSQL.</summary>
[OnPostgres]
public sealed class MigrationStateOnPostgresTests : MigrationStateTests
{
    protected override TestServerFactory NewServer() => new PostgresServerFactory();

    protected override string[] DatabaseSettings(TestServerFactory server) =>
        ["--Database:Provider=Postgres",
            $"--Database:ConnectionString={((PostgresServerFactory)server).ConnectionString}"];

    protected override string NewerRequiredColumn(long lastId) => """
        ALTER TABLE "Complaints" ADD COLUMN "Channel" varchar(32) NOT NULL DEFAULT 'x';
        ALTER TABLE "Complaints" ALTER COLUMN "Channel" DROP DEFAULT
        """;
}
