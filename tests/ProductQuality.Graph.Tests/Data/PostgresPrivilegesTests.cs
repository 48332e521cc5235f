using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// A server whose PostgreSQL user may only read its tables started, said it was ready and refused every request as
/// "the access log cannot be written just now" (the operations probe). It stops at start now, naming the tables and
/// the grant to make; exit code 3, no stack trace.
/// </summary>
[OnPostgres]
public sealed class PostgresPrivilegesTests
{
    [ProviderFact]
    public Task A_user_that_may_only_read_the_tables_stops_the_start_with_the_grant_to_make() => AsRoleAsync(
        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO {0}",
        async (process, role, connectionString) =>
        {
            var (exit, _, error) = await process.RunAsync("--urls", "http://127.0.0.1:0",
                "--Database:Provider=Postgres", $"--Database:ConnectionString={connectionString}");

            Assert.True(exit == 3, $"exit {exit}: {error}");
            var sentence = error.Split('\n')[0];
            Assert.Contains($"The database user {role} may not read and add rows to every table", sentence,
                StringComparison.Ordinal);
            Assert.Contains("AccessLog", sentence, StringComparison.Ordinal);
            Assert.Contains("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES", sentence, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);

            // A verb that writes is refused by the table it writes: told to grant table rights, not schema ones.
            var (verbExit, _, verbError) = await process.RunAsync("recompute",
                "--Database:Provider=Postgres", $"--Database:ConnectionString={connectionString}");
            Assert.True(verbExit == 3, $"exit {verbExit}: {verbError}");
            Assert.Contains("permission denied for table", verbError, StringComparison.Ordinal);
            Assert.Contains("Grant it SELECT, INSERT, UPDATE and DELETE", verbError, StringComparison.Ordinal);
            Assert.DoesNotContain("CREATE and USAGE on the schema", verbError, StringComparison.Ordinal);
        });

    /// <summary>
    /// A write's access log entry deletes the write's row of UnloggedWrites in its transaction: a user without DELETE
    /// there would fail every write's entry, and the batch of other requests' entries with it.
    /// </summary>
    [ProviderFact]
    public Task A_user_that_may_not_delete_unlogged_writes_stops_the_start() => AsRoleAsync(
        "GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO {0}; "
        + "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {0}",
        async (process, _, connectionString) =>
        {
            var (exit, _, error) = await process.RunAsync("--urls", "http://127.0.0.1:0",
                "--Database:Provider=Postgres", $"--Database:ConnectionString={connectionString}");

            Assert.True(exit == 3, $"exit {exit}: {error}");
            var sentence = error.Split('\n')[0];
            Assert.Contains("(UnloggedWrites)", sentence, StringComparison.Ordinal);
            Assert.Contains("each write's entry deletes its row of UnloggedWrites", sentence, StringComparison.Ordinal);
        });

    /// <summary>
    /// Runs <paramref name="test"/> with a fresh login role given USAGE on the schema and <paramref name="grants"/>
    /// ({0}: the role) on a migrated database of its own, and drops the role after.
    /// </summary>
    private static async Task AsRoleAsync(string grants, Func<VerbProcess, string, string, Task> test)
    {
        using var process = new VerbProcess();
        using var server = new PostgresServerFactory();
        (await server.ClientFor("samr-jiaxing").PostAsync("{ __typename }")).EnsureData();

        var role = $"pqg_role_{Guid.NewGuid():N}"[..30];
        var admin = PostgresTestServer.RequireConnectionString();
        await PostgresTestServer.ExecuteAsync(admin, $"CREATE ROLE {role} LOGIN PASSWORD 'role'");
        try
        {
            await PostgresTestServer.ExecuteAsync(server.ConnectionString,
                $"GRANT USAGE ON SCHEMA public TO {role}; " + string.Format(
                    System.Globalization.CultureInfo.InvariantCulture, grants, role));
            var asRole = new Npgsql.NpgsqlConnectionStringBuilder(server.ConnectionString)
                { Username = role, Password = "role" }.ConnectionString;
            await test(process, role, asRole);
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await PostgresTestServer.ExecuteAsync(server.ConnectionString, $"DROP OWNED BY {role}");
            await PostgresTestServer.ExecuteAsync(admin, $"DROP ROLE IF EXISTS {role}");
        }
    }
}
