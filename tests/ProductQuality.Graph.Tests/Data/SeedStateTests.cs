using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data.Seeding;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// A seed and a server never share a SQLite file: <c>seed</c> deleted the file of a running server, which went on
/// answering from the deleted file and logging there, lost at its end. And a seed stopped half-way is never served
/// as the data set: the next start saw "not empty", did not seed, and served regions with no or some enterprises.
/// </summary>
public sealed class SeedStateTests
{
    [Fact]
    public async Task Seed_refuses_the_file_of_a_running_server_and_runs_once_it_has_stopped()
    {
        using var process = new VerbProcess();
        var server = new GraphServerFactory();
        var path = server.DatabasePath;
        int before;
        try
        {
            var client = server.ClientFor("samr-jiaxing");
            before = await TotalAsync(client);

            var (exit, _, error) = await process.RunAsync("seed", "--enterprises", "10",
                $"--Database:ConnectionString=Data Source={path}");
            Assert.True(exit == 3, $"exit {exit}: {error}");
            Assert.Contains("in use by a running server", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("appsettings.json", error, StringComparison.Ordinal);
            Assert.Equal(before, await TotalAsync(client));
            Assert.True(File.Exists(path));
        }
        finally
        {
            // The server's files go with it; its hold on the file goes with the host.
            File.Copy(path, path + ".kept");
            server.Dispose();
        }

        File.Move(path + ".kept", path);
        try
        {
            var (again, output, refused) = await process.RunAsync("seed", "--enterprises", "10",
                $"--Database:ConnectionString=Data Source={path}");
            Assert.True(again == 0, $"exit {again}: {output} {refused}");
            await using var db = SeededDatabases.Open(path);
            Assert.Equal(10, await db.Enterprises.CountAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    /// <summary>
    /// A verb that writes, given a file opened read-only, says so: it said the database "could not be opened" and to
    /// check that the server was running and reachable (the writes probe).
    /// </summary>
    [Fact]
    public async Task Recompute_on_a_read_only_file_says_it_is_read_only_and_writes_nothing()
    {
        using var process = new VerbProcess();
        var path = Path.Combine(Path.GetTempPath(), $"pq-readonly-{Guid.NewGuid():N}.db");
        try
        {
            var (seeded, _, seedError) = await process.RunAsync("seed", "--enterprises", "10",
                $"--Database:ConnectionString=Data Source={path}");
            Assert.True(seeded == 0, $"exit {seeded}: {seedError}");
            var before = await File.ReadAllBytesAsync(path);

            var (exit, _, error) = await process.RunAsync("recompute", "--Rules:EnterpriseClass:FailuresForC=1",
                $"--Database:ConnectionString=Data Source={path};Mode=ReadOnly");

            Assert.True(exit == 3, $"exit {exit}: {error}");
            Assert.Contains("The database is read-only to this work", error, StringComparison.Ordinal);
            Assert.Contains("take Mode=ReadOnly out of Database:ConnectionString", error, StringComparison.Ordinal);
            Assert.DoesNotContain("reachable", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.Equal(before, await File.ReadAllBytesAsync(path));
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>
    /// A file opened read-only (or never made by SQLite) cannot be made again: seed deleted it, then failed with
    /// "unable to open database file", and the data set was gone (the configuration probe).
    /// </summary>
    [Theory]
    [InlineData("ReadOnly", "opens the file read-only")]
    [InlineData("ReadWrite", "never makes a file")]
    public async Task Seed_with_a_mode_that_cannot_make_the_file_again_deletes_nothing(string mode, string said)
    {
        using var process = new VerbProcess();
        var path = Path.Combine(Path.GetTempPath(), $"pq-seedmode-{Guid.NewGuid():N}.db");
        try
        {
            var (seeded, _, seedError) = await process.RunAsync("seed", "--enterprises", "10",
                $"--Database:ConnectionString=Data Source={path}");
            Assert.True(seeded == 0, $"exit {seeded}: {seedError}");
            var before = await File.ReadAllBytesAsync(path);

            var (exit, output, error) = await process.RunAsync("seed", "--enterprises", "5",
                $"--Database:ConnectionString=Data Source={path};Mode={mode}");

            Assert.True(exit == 3, $"exit {exit}: {error}");
            Assert.Contains($"has Mode={mode}, which {said}: nothing was deleted", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Recreating", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.Equal(before, await File.ReadAllBytesAsync(path));
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm", path + ".lock" }.Where(File.Exists))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>
    /// A file another process holds locked: the verb said the database "could not be opened" and to check that "the
    /// database server is running and reachable", which SQLite has none of (the newcomer probe).
    /// </summary>
    [Fact]
    public async Task A_verb_on_a_file_another_process_holds_locked_says_so()
    {
        using var process = new VerbProcess();
        var path = Path.Combine(Path.GetTempPath(), $"pq-locked-{Guid.NewGuid():N}.db");
        await using (var db = SeededDatabases.Open(path))
        {
            await db.Database.MigrateAsync();
        }

        await using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false");
        await holder.OpenAsync();
        await using (var command = holder.CreateCommand())
        {
            command.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; "
                + "CREATE TABLE held (x); INSERT INTO held VALUES (1);";
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            var (exit, _, error) = await process.RunAsync("report",
                $"--Database:ConnectionString=Data Source={path};Default Timeout=1");
            Assert.True(exit == 3, $"exit {exit}: {error}");
            Assert.Contains("is locked by another process", error, StringComparison.Ordinal);
            Assert.DoesNotContain("reachable", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            await holder.CloseAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task A_first_start_stopped_while_seeding_is_seeded_again_at_the_next()
    {
        var path = await UnfinishedSeedAsync();
        try
        {
            using var server = new Changes.FileServerFactory(path);
            var total = await TotalAsync(server.ClientFor("samr-jiaxing"));
            Assert.Equal(TestServerFactory.Enterprises, total);
            await using var db = SeededDatabases.Open(path);
            Assert.True(await db.RegionAssessments.AnyAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_unfinished_seed_that_is_not_the_servers_own_stops_the_start_with_the_way_out()
    {
        // A server that starts instead runs until the timeout.
        using var process = new VerbProcess { Timeout = TimeSpan.FromSeconds(90) };
        var path = await UnfinishedSeedAsync();
        try
        {
            var (exit, _, error) = await process.RunAsync("--urls", "http://127.0.0.1:0",
                $"--Database:ConnectionString=Data Source={path}", "--Database:SeedWhenEmpty=false");
            Assert.True(exit == 3, $"exit {exit}: {error}");
            Assert.Contains("seed that did not finish", error, StringComparison.Ordinal);
            Assert.Contains("-- seed", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    /// <summary>
    /// While another process seeds the file (it holds the lock file alone, as a first start seeding does), a second
    /// server refuses and leaves the half-written file alone: it deleted it as "unfinished" under the seeding server.
    /// Verbs that do not seed are not held up by it.
    /// </summary>
    [Fact]
    public async Task A_server_started_while_another_seeds_the_file_refuses_and_deletes_nothing()
    {
        using var process = new VerbProcess { Timeout = TimeSpan.FromSeconds(90) };
        var path = await UnfinishedSeedAsync();
        try
        {
            var size = new FileInfo(path).Length;
            using (new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
            {
                var (exit, _, error) = await process.RunAsync("--urls", "http://127.0.0.1:0",
                    $"--Database:ConnectionString=Data Source={path}");
                Assert.True(exit == 3, $"exit {exit}: {error}");
                Assert.Contains("is being seeded by another process", error, StringComparison.Ordinal);
                Assert.DoesNotContain("appsettings.json", error, StringComparison.Ordinal);

                var token = await process.RunAsync("token", "--department", "tax",
                    $"--Database:ConnectionString=Data Source={path}");
                Assert.True(token.ExitCode == 0, token.Error);
            }

            await using var db = SeededDatabases.Open(path);
            Assert.True(await DatabaseSeeder.IsUnfinishedAsync(db));
            Assert.Equal(20, await db.Enterprises.CountAsync());
            Assert.Equal(size, new FileInfo(path).Length);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
            File.Delete(path + ".lock");
        }
    }

    [Theory]
    [InlineData("report")]
    [InlineData("recompute")]
    public async Task Verbs_that_read_the_data_set_refuse_an_unfinished_seed(string verb)
    {
        using var process = new VerbProcess();
        var path = await UnfinishedSeedAsync();
        try
        {
            var (exit, output, error) = await process.RunAsync(verb, $"--Database:ConnectionString=Data Source={path}");
            Assert.True(exit == 3, $"exit {exit}: {output} {error}");
            Assert.Contains("seed that did not finish", error, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    /// <summary>
    /// A database migrated and never seeded (Database:SeedWhenEmpty=false, or a seed stopped before its first
    /// write): recompute crashed with a stack trace (exit 134) and report printed zeros (the newcomer probe).
    /// </summary>
    [Theory]
    [InlineData("report")]
    [InlineData("recompute")]
    public async Task Verbs_that_read_the_data_set_refuse_an_empty_database_saying_how_to_seed_it(string verb)
    {
        using var process = new VerbProcess();
        var path = Path.Combine(Path.GetTempPath(), $"pq-empty-{Guid.NewGuid():N}.db");
        await using (var db = SeededDatabases.Open(path))
        {
            await db.Database.MigrateAsync();
        }

        try
        {
            var (exit, output, error) = await process.RunAsync(verb, $"--Database:ConnectionString=Data Source={path}");
            Assert.True(exit == 3, $"exit {exit}: {output} {error}");
            Assert.Contains("holds no data set", error, StringComparison.Ordinal);
            Assert.Contains("-- seed", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    /// <summary>A seed killed before its last step: reference data and enterprises, no region assessments.</summary>
    private static async Task<string> UnfinishedSeedAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pq-unfinished-{Guid.NewGuid():N}.db");
        await using var db = SeededDatabases.Open(path);
        await db.Database.MigrateAsync();
        await new DatabaseSeeder(new RulesOptions())
            .SeedAsync(db, new SeedRequest(20, 1, SeededDatabases.Today), null, CancellationToken.None);
        await db.RegionAssessments.ExecuteDeleteAsync();
        Assert.True(await DatabaseSeeder.IsUnfinishedAsync(db));
        return path;
    }

    private static async Task<int> TotalAsync(HttpClient client) =>
        (await client.PostAsync("{ enterprises(first: 0) { totalCount } }")).EnsureData().Data
        .GetProperty("enterprises").GetProperty("totalCount").GetInt32();
}

/// <summary>On PostgreSQL too, seed refuses a database a running server uses (it ran the tables down under it).
/// </summary>
[OnPostgres]
public sealed class SeedStateOnPostgresTests
{
    [ProviderFact]
    public async Task Seed_refuses_a_database_a_running_server_uses()
    {
        using var process = new VerbProcess();
        using var server = new PostgresServerFactory();
        var client = server.ClientFor("samr-jiaxing");
        (await client.PostAsync("{ enterprises(first: 0) { totalCount } }")).EnsureData();

        // The server's change listener connects in the background: wait for it, then seed.
        await PostgresListenerWait.UntilListeningAsync(server.ConnectionString);
        var (exit, _, error) = await process.RunAsync("seed", "--enterprises", "10", "--Database:Provider=Postgres",
            $"--Database:ConnectionString={server.ConnectionString}");
        Assert.True(exit == 3, $"exit {exit}: {error}");
        Assert.Contains("in use by 1 running server", error, StringComparison.Ordinal);
        var after = await client.PostAsync("{ enterprises(first: 0) { totalCount } }");
        Assert.Equal(TestServerFactory.Enterprises,
            after.EnsureData().Data.GetProperty("enterprises").GetProperty("totalCount").GetInt32());
    }
}

/// <summary>
/// The guard sees a server whichever role it connects as: pg_stat_activity hides another role's query text
/// (LISTEN …) from a role without its privileges, but not its application_name. A seed run as the tables' owner did
/// not see a server running as an application role, and dropped its tables.
/// </summary>
[OnPostgres]
public sealed class PostgresSeedGuardTests
{
    [ProviderFact]
    public async Task A_server_running_as_another_role_is_seen()
    {
        using var server = new PostgresServerFactory();
        (await server.ClientFor("samr-jiaxing").PostAsync("{ __typename }")).EnsureData();
        await PostgresListenerWait.UntilListeningAsync(server.ConnectionString);

        var watcher = $"pqg_watcher_{Guid.NewGuid():N}"[..30];
        var admin = PostgresTestServer.RequireConnectionString();
        await PostgresTestServer.ExecuteAsync(admin, $"CREATE ROLE {watcher} LOGIN PASSWORD 'watcher'");
        try
        {
            var asWatcher = new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString)
                { Username = watcher, Password = "watcher", Pooling = false }.ConnectionString;
            await using var db = new ProductQuality.Graph.Data.PostgresProductQualityDbContext(
                new DbContextOptionsBuilder<ProductQuality.Graph.Data.PostgresProductQualityDbContext>()
                    .UseNpgsql(asWatcher).Options);
            var refused = await Assert.ThrowsAsync<ProductQuality.Graph.Data.DatabaseStateException>(
                () => ProductQuality.Graph.Data.PostgresSeedGuard.ThrowIfServersRunAsync(db));
            Assert.Contains("in use by 1 running server", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await PostgresTestServer.ExecuteAsync(admin, $"DROP ROLE IF EXISTS {watcher}");
        }
    }
}

/// <summary>Waits (up to 30 s) until a server's change listener is connected to the database.</summary>
internal static class PostgresListenerWait
{
    public static async Task UntilListeningAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        for (var i = 0; i < 300; i++)
        {
            await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                + "current_database() AND query LIKE 'LISTEN %'", connection);
            if ((long)(await count.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("No server's change listener connected within 30 s.");
    }
}
