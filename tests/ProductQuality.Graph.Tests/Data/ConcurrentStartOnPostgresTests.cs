using System.Diagnostics;
using Npgsql;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// Servers started together on one empty PostgreSQL database — a deployment rolling out several at once — all come
/// up, over one migrated database seeded once. Each used to migrate and seed it at the same time, and all but one
/// stopped with 42P07 (relation already exists) or 23505 (duplicate key), reported as "could not be opened". Run as
/// processes, as operators start them: servers in one process never raced (the deployment probe's finding).
/// </summary>
public sealed class ConcurrentStartOnPostgresTests
{
    private const int Servers = 3;
    private const int Enterprises = 30;

    [PostgresFact]
    public Task Three_servers_started_together_on_an_empty_database_all_start_and_it_is_seeded_once() =>
        StartTogetherAsync(createDatabase: true);

    /// <summary>
    /// The same on a database none has created yet: each created and seeded it at once (the lock is per database,
    /// so the creation is taken in turns in the maintenance database) — the re-probe's finding.
    /// </summary>
    [PostgresFact]
    public Task Three_servers_started_together_on_a_database_yet_to_be_created_all_start() =>
        StartTogetherAsync(createDatabase: false);

    private static async Task StartTogetherAsync(bool createDatabase)
    {
        var admin = PostgresTestServer.RequireConnectionString();
        var database = $"pq_tests_start_{Guid.NewGuid():N}";
        if (createDatabase)
        {
            await PostgresTestServer.ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"");
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        var folders = Enumerable.Range(0, Servers).Select(_ => new VerbProcess()).ToList();
        var processes = new List<Process>();
        try
        {
            processes.AddRange(folders.Select(f => Start(f, connectionString)));
            var outcomes = await Task.WhenAll(processes.Select(ReadUntilReadyAsync));

            foreach (var (ready, output) in outcomes)
            {
                Assert.True(ready, "A server did not start:\n" + output);
            }

            Assert.Single(outcomes, o => o.Output.Contains("Empty database: seeding", StringComparison.Ordinal));
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM \"Enterprises\"", connection);
            Assert.Equal(Enterprises, Convert.ToInt32(await count.ExecuteScalarAsync(),
                System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                process.Dispose();
            }

            folders.ForEach(f => f.Dispose());
            NpgsqlConnection.ClearAllPools();
            await PostgresTestServer.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static Process Start(VerbProcess folder, string connectionString)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder.Folder, UseShellExecute = false,
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "ProductQuality.Graph.dll"), "--urls", "http://127.0.0.1:0",
            "--Database:Provider=Postgres", "--Database:ConnectionString=" + connectionString,
            $"--Database:SeedEnterprises={Enterprises}", "--Maintenance:Enabled=false",
        })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>Reads standard output to the ready line (true) or the end (false: the start failed).</summary>
    private static async Task<(bool Ready, string Output)> ReadUntilReadyAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        var output = new System.Text.StringBuilder();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            output.AppendLine(line);
            if (line.Contains("ProductQuality.Graph is ready", StringComparison.Ordinal))
            {
                return (true, output.ToString());
            }
        }

        return (false, output + await error);
    }
}
