using Npgsql;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// <c>seed</c> on PostgreSQL empties the database in place and never drops it. Given a history id this build does
/// not know, it dropped the database (its owner, encoding and grants with it), then could not create it again for a
/// user without CREATEDB — the database README tells the DBA to make — and said to grant table rights (the probe).
/// The database here is made as README says: owned by a login role that may not create databases.
/// </summary>
[OnPostgres]
public sealed class SeedInPlaceOnPostgresTests
{
    [ProviderFact]
    public Task A_database_of_an_earlier_build_is_emptied_in_place_and_seeded() => AsOwnerAsync(
        async (process, settings, admin, database) =>
        {
            var oid = await ScalarAsync(admin, $"SELECT oid::text FROM pg_database WHERE datname = '{database}'");
            await ExecuteAsync(settings, Recorded("20261128113621_Initial"));

            var (exit, output, error) = await process.RunAsync(["seed", "--enterprises", "12", .. Settings(settings)]);

            Assert.True(exit == 0, $"exit {exit}: {output} {error}");
            Assert.Equal(oid,
                await ScalarAsync(admin, $"SELECT oid::text FROM pg_database WHERE datname = '{database}'"));
            Assert.Equal("12", await ScalarAsync(settings, """SELECT count(*)::text FROM "Enterprises" """));
            Assert.Equal("0", await ScalarAsync(settings,
                """SELECT count(*)::text FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '20261128%'"""));
            var (again, _, refused) = await process.RunAsync(["report", .. Settings(settings)]);
            Assert.True(again == 0, $"exit {again}: {refused}");
        });

    /// <summary>A newer release's database holds tables this build does not know (and data): seed refuses it.</summary>
    [ProviderFact]
    public Task A_database_a_newer_release_migrated_is_refused_and_kept() => AsOwnerAsync(
        async (process, settings, _, _) =>
        {
            await ExecuteAsync(settings, Recorded("20991231235959_Newer"));

            var (exit, _, error) = await process.RunAsync(["seed", "--enterprises", "12", .. Settings(settings)]);

            Assert.True(exit == 3, $"exit {exit}: {error}");
            Assert.Contains("newer than this build's last", error, StringComparison.Ordinal);
            Assert.Contains("seed refuses it", error, StringComparison.Ordinal);
            Assert.DoesNotContain("GRANT", error, StringComparison.Ordinal);
            Assert.Equal("10", await ScalarAsync(settings, """SELECT count(*)::text FROM "Enterprises" """));
        });

    private static string Recorded(string migration) =>
        $"""INSERT INTO "__EFMigrationsHistory" VALUES ('{migration}', '10.0.0')""";

    private static string[] Settings(string connectionString) =>
        ["--Database:Provider=Postgres", $"--Database:ConnectionString={connectionString}"];

    /// <summary>
    /// A role without CREATEDB, a UTF8 database it owns, seeded by it with 10 enterprises; dropped after.
    /// </summary>
    private static async Task AsOwnerAsync(Func<VerbProcess, string, string, string, Task> test)
    {
        using var process = new VerbProcess();
        var admin = PostgresTestServer.RequireConnectionString();
        var role = $"pqg_owner_{Guid.NewGuid():N}"[..30];
        var database = $"pq_tests_{Guid.NewGuid():N}";
        await PostgresTestServer.ExecuteAsync(admin, $"CREATE ROLE {role} LOGIN NOCREATEDB PASSWORD 'owner'");
        try
        {
            await PostgresTestServer.ExecuteAsync(admin,
                $"CREATE DATABASE {database} OWNER {role} ENCODING 'UTF8' TEMPLATE template0");
            var settings = new NpgsqlConnectionStringBuilder(admin)
                { Database = database, Username = role, Password = "owner" }.ConnectionString;
            var (exit, output, error) = await process.RunAsync(["seed", "--enterprises", "10", .. Settings(settings)]);
            Assert.True(exit == 0, $"exit {exit}: {output} {error}");
            await test(process, settings, admin, database);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresTestServer.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            await PostgresTestServer.ExecuteAsync(admin, $"DROP ROLE IF EXISTS {role}");
        }
    }

    private static Task ExecuteAsync(string connectionString, string sql) =>
        PostgresTestServer.ExecuteAsync(connectionString, sql);

    private static async Task<string?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
