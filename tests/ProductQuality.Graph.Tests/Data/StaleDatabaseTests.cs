using Microsoft.Data.Sqlite;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// A database made by a development build from before the migrations were squashed records migrations this build
/// does not have: the server stops with exit code 3 and says how to recreate it, instead of failing half-way.
/// </summary>
public sealed class StaleDatabaseTests
{
    [Fact]
    public async Task A_database_recording_unknown_migrations_stops_the_server_with_a_way_out()
    {
        using var process = new VerbProcess();
        var file = Path.Combine(process.Folder, "old.db");
        await using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                "CREATE TABLE __EFMigrationsHistory (MigrationId TEXT PRIMARY KEY, ProductVersion TEXT NOT NULL);" +
                "INSERT INTO __EFMigrationsHistory VALUES ('20261128113621_Initial', '10.0.0');";
            await command.ExecuteNonQueryAsync();
        }

        var (exitCode, _, error) = await process.RunAsync(
            "--urls", "http://127.0.0.1:0", $"--Database:ConnectionString=Data Source={file}");

        Assert.True(exitCode == 3, $"exit {exitCode}: {error}");
        var sentence = error.Split('\n')[0];
        Assert.Contains("earlier development build", sentence, StringComparison.Ordinal);
        Assert.Contains("20261128113621_Initial", sentence, StringComparison.Ordinal);
        Assert.Contains("seed", sentence, StringComparison.Ordinal);
        Assert.Contains("which erases everything in it", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// On PostgreSQL there is no SQLite file to delete, and the database may hold data someone needs: the way out
    /// says that seed erases the server's tables in it (it was told to "delete the SQLite file").
    /// </summary>
    [PostgresFact]
    public async Task On_postgres_the_way_out_fits_the_provider_and_says_seed_erases_the_tables()
    {
        using var server = new PostgresServerFactory();
        (await server.ClientFor("samr-jiaxing").PostAsync("{ __typename }")).EnsureData();
        await PostgresTestServer.ExecuteAsync(server.ConnectionString,
            """INSERT INTO "__EFMigrationsHistory" VALUES ('20261128113621_Initial', '10.0.0')""");
        using var process = new VerbProcess();

        var (exitCode, _, error) = await process.RunAsync("--urls", "http://127.0.0.1:0",
            "--Database:Provider=Postgres", $"--Database:ConnectionString={server.ConnectionString}");

        Assert.True(exitCode == 3, $"exit {exitCode}: {error}");
        var sentence = error.Split('\n')[0];
        Assert.Contains("earlier development build", sentence, StringComparison.Ordinal);
        Assert.Contains("which erases every table of the server in it", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", sentence, StringComparison.Ordinal);
    }
}
