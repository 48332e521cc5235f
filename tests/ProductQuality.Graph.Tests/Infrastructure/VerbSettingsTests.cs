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
    public async Task Seed_and_recompute_use_the_PostgreSQL_database_given_on_the_command_line()
    {
        var admin = PostgresTestServer.RequireConnectionString();
        var database = $"pq_verb_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"");
        try
        {
            using var verb = new VerbProcess();
            var target = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
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
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
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

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
