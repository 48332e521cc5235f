using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// Every verb reads the same configuration sources as the server, its own --Key=value arguments included: each runs as
/// a process with settings only on its command line, and the test checks it used them (and not the defaults).
/// </summary>
public sealed class VerbSettingsTests
{
    private const string Today = "--Database:SeedToday=2026-11-28";

    [Fact]
    public async Task Seed_and_recompute_use_the_SQLite_file_given_on_the_command_line()
    {
        using var verb = new VerbProcess();
        var file = Path.Combine(verb.Folder, "given.db");
        var connection = $"--Database:ConnectionString=Data Source={file}";

        var seeded = await verb.RunAsync("seed", "--enterprises", "25", connection, Today, "--Clock:Today=2026-11-28");
        Assert.True(seeded.ExitCode == 0, seeded.Error);
        Assert.Equal(25L, Scalar(file, "SELECT COUNT(*) FROM \"Enterprises\""));

        var recomputed = await verb.RunAsync("recompute", connection, "--Clock:Today=2026-11-28");
        Assert.True(recomputed.ExitCode == 0, recomputed.Error);
        Assert.StartsWith("Recomputed 25 enterprises (0 changed)", recomputed.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(verb.DefaultDatabase), "a verb opened the default database instead of the given one");
    }

    [Fact]
    public async Task Seed_takes_its_size_from_the_settings_and_recompute_its_batch_size()
    {
        using var verb = new VerbProcess();
        var file = Path.Combine(verb.Folder, "sized.db");
        var connection = $"--Database:ConnectionString=Data Source={file}";

        var seeded = await verb.RunAsync("seed", "--Database:SeedEnterprises=25", connection, Today);
        Assert.True(seeded.ExitCode == 0, seeded.Error);
        Assert.Equal(25L, Scalar(file, "SELECT COUNT(*) FROM \"Enterprises\""));

        // Progress is reported per batch (at each tenth): batches of 10 show 10 and 20 of the 25 done.
        var recomputed = await verb.RunAsync("recompute", connection, "--Maintenance:BatchSize=10");
        Assert.True(recomputed.ExitCode == 0, recomputed.Error);
        Assert.Contains("enterprises: 10/25", recomputed.Error, StringComparison.Ordinal);
        Assert.Contains("enterprises: 20/25", recomputed.Error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public Task Seed_and_recompute_use_the_PostgreSQL_database_given_on_the_command_line() =>
        OnNewDatabaseAsync("TEMPLATE template0 ENCODING 'UTF8'", async (target, database) =>
        {
            using var verb = new VerbProcess();
            string[] settings =
                ["--Database:Provider=Postgres", $"--Database:ConnectionString={target}", "--Clock:Today=2026-11-28"];

            var seeded = await verb.RunAsync(["seed", "--enterprises", "20", Today, .. settings]);
            Assert.True(seeded.ExitCode == 0, seeded.Error);
            await using (var db = new NpgsqlConnection(target))
            {
                await db.OpenAsync();
                await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM \"Enterprises\"", db);
                Assert.Equal(20L, Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
            }

            var recomputed = await verb.RunAsync(["recompute", .. settings]);
            Assert.True(recomputed.ExitCode == 0, recomputed.Error);
            Assert.StartsWith("Recomputed 20 enterprises (0 changed)", recomputed.Out, StringComparison.Ordinal);
            Assert.False(File.Exists(verb.DefaultDatabase));

            // Seeding again keeps the database (its encoding, owner, grants: a DBA's) and replaces the tables.
            await PostgresTestServer.ExecuteAsync(target, $"COMMENT ON DATABASE \"{database}\" IS 'made by the DBA'");
            var again = await verb.RunAsync(["seed", "--enterprises", "15", Today, .. settings]);
            Assert.True(again.ExitCode == 0, again.Error);
            await using (var db = new NpgsqlConnection(target))
            {
                await db.OpenAsync();
                await using var state = new NpgsqlCommand("SELECT (SELECT COUNT(*) FROM \"Enterprises\"), "
                    + "shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()", db);
                await using var row = await state.ExecuteReaderAsync();
                Assert.True(await row.ReadAsync());
                Assert.Equal(15L, row.GetInt64(0));
                Assert.Equal("made by the DBA", row.GetString(1));
            }
        });

    [PostgresFact]
    public Task A_PostgreSQL_database_not_in_UTF8_is_refused_before_anything_is_written() =>
        // SQL_ASCII counts bytes against varchar(n): a 256-character Chinese batch name became INTERNAL_ERROR.
        OnNewDatabaseAsync("TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C'",
            async (target, database) =>
        {
            using var verb = new VerbProcess();
            var (code, _, error) = await verb.RunAsync("--urls", "http://127.0.0.1:0", "--Database:Provider=Postgres",
                $"--Database:ConnectionString={target}");

            Assert.True(code == 3, $"exit {code}: {error}");
            Assert.StartsWith($"The PostgreSQL database '{database}' stores text as SQL_ASCII", error,
                StringComparison.Ordinal);
            Assert.Contains("ENCODING 'UTF8'", error, StringComparison.Ordinal);
            await using var db = new NpgsqlConnection(target);
            await db.OpenAsync();
            await using var tables = new NpgsqlCommand(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'", db);
            Assert.Equal(0L, Convert.ToInt64(await tables.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
        });

    /// <summary>
    /// An empty database not in UTF8: each verb said "no tables yet … start the server once", and the server then
    /// refused the database for its encoding. The verbs say the server's sentence, first.
    /// </summary>
    [PostgresFact]
    public Task A_verb_on_an_empty_PostgreSQL_database_not_in_UTF8_names_its_encoding() =>
        OnNewDatabaseAsync("ENCODING 'LATIN1' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'",
            async (target, database) =>
        {
            using var verb = new VerbProcess();
            string[][] verbs =
            [
                ["report"], ["recompute"], ["audit", "verify"], ["audit", "checkpoint"], ["audit", "archive"],
                ["token", "--revoke", "913304831LXE3BD9A5"],
            ];
            foreach (var args in verbs)
            {
                var (code, _, error) = await verb.RunAsync(
                    [.. args, "--Database:Provider=Postgres", $"--Database:ConnectionString={target}"]);

                Assert.True(code == 3, $"{string.Join(' ', args)}: exit {code}: {error}");
                Assert.StartsWith($"The PostgreSQL database '{database}' stores text as LATIN1", error,
                    StringComparison.Ordinal);
                Assert.DoesNotContain("no tables yet", error, StringComparison.Ordinal);
            }
        });

    [PostgresFact]
    public Task A_verb_on_an_empty_PostgreSQL_database_says_it_has_no_tables_yet() =>
        OnNewDatabaseAsync("", async (target, _) =>
        {
            using var verb = new VerbProcess();
            var (code, _, error) = await verb.RunAsync("report", "--Database:Provider=Postgres",
                $"--Database:ConnectionString={target}");

            Assert.True(code == 3, $"exit {code}: {error}");
            Assert.StartsWith("The database has no tables yet", error, StringComparison.Ordinal);
        });

    /// <summary>
    /// A database that does not exist, for a user that may not create one: the operator was told to grant CREATE on
    /// a schema (the docs probe), which cannot help. Said as a missing database, with the statement that makes it.
    /// </summary>
    [PostgresFact]
    public async Task A_missing_PostgreSQL_database_its_user_may_not_create_is_named_with_the_statement_to_make_it()
    {
        var admin = PostgresTestServer.RequireConnectionString();
        var role = $"pq_nocreate_{Guid.NewGuid():N}"[..28];
        var database = $"pq_missing_{Guid.NewGuid():N}";
        await PostgresTestServer.ExecuteAsync(admin, $"CREATE ROLE \"{role}\" LOGIN NOCREATEDB");
        try
        {
            using var verb = new VerbProcess();
            var target = new NpgsqlConnectionStringBuilder(admin) { Database = database, Username = role };
            var (code, _, error) = await verb.RunAsync("--Database:Provider=Postgres",
                $"--Database:ConnectionString={target.ConnectionString}", "--urls=http://127.0.0.1:0");

            Assert.True(code == 3, $"exit {code}: {error}");
            Assert.StartsWith($"The database '{database}' named in Database:ConnectionString does not exist, and its "
                + $"user '{role}' may not create it", error, StringComparison.Ordinal);
            Assert.Contains($"CREATE DATABASE \"{database}\" OWNER \"{role}\"", error, StringComparison.Ordinal);
            Assert.DoesNotContain("on the schema", error, StringComparison.Ordinal);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresTestServer.ExecuteAsync(admin, $"DROP ROLE IF EXISTS \"{role}\"");
        }
    }

    /// <summary>A database of the test's own, made with these options and dropped after it.</summary>
    private static async Task OnNewDatabaseAsync(string options, Func<string, string, Task> test)
    {
        var admin = PostgresTestServer.RequireConnectionString();
        var database = $"pq_verb_{Guid.NewGuid():N}";
        await PostgresTestServer.ExecuteAsync(admin, $"CREATE DATABASE \"{database}\" {options}");
        try
        {
            await test(new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString, database);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await PostgresTestServer.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    [Fact]
    public async Task Token_is_signed_with_the_configured_key_for_the_configured_issuer_and_audience()
    {
        using var verb = new VerbProcess();
        var (code, output, error) = await verb.RunAsync(
            "token", "--department", "tax", $"--Auth:SigningKey={TestServerFactory.TestSigningKey}",
            "--Auth:Issuer=issuer-from-cli", "--Auth:Audience", "audience-from-cli");
        Assert.True(code == 0, error);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(output.Trim(), new TokenValidationParameters
        {
            ValidIssuer = "issuer-from-cli", ValidAudience = "audience-from-cli",
            IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(TestServerFactory.TestSigningKey)),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("tax", result.Claims["dept"]);
        Assert.False(Directory.Exists(Path.Combine(verb.Folder, "data")), "the verb made the default key file instead");
    }

    [Fact]
    public async Task Schema_export_prints_the_contracts_of_the_configured_policy()
    {
        using var verb = new VerbProcess();
        var folder = Path.Combine(verb.Folder, "schema");

        // The shipped tax contract has no inspections; the command line grants them.
        var (code, _, error) = await verb.RunAsync(
            "schema", "export", "--out", folder, "--Access:Contracts:tax:Groups:Inspections=Full");
        Assert.True(code == 0, error);
        var tax = await File.ReadAllTextAsync(Path.Combine(folder, "contracts", "tax.graphql"));
        Assert.Contains("type Inspection", tax, StringComparison.Ordinal);
        var shipped = await File.ReadAllTextAsync(RepositoryContract("tax"));
        Assert.DoesNotContain("type Inspection", shipped, StringComparison.Ordinal);
    }

    private static string RepositoryContract(string name) =>
        Path.Combine(
            Graph.Schema.SchemaFiles.FindSchemaFolder(AppContext.BaseDirectory)!, "contracts", name + ".graphql");

    private static long Scalar(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
