using Npgsql;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Assessment;

/// <summary>
/// A recompute whose database goes away mid-run (pg_ctl stop -m fast in the probe) said "The database could not be
/// opened … Check Database:Provider and Database:ConnectionString", though it had opened fine. It says the connection
/// was lost during the run, and that running it again is safe. The test holds the lock a batch takes, so the verb's
/// connection is surely mid-run when the test terminates it.
/// </summary>
[OnPostgres]
public sealed class RecomputeConnectionLostOnPostgresTests
{
    [ProviderFact]
    public async Task A_connection_lost_mid_run_is_said_so_with_a_rerun_that_is_safe()
    {
        using var server = new PostgresServerFactory();
        (await server.ClientFor("samr-jiaxing").PostAsync("{ __typename }")).EnsureData();
        using var process = new VerbProcess();
        var name = $"pqg-recompute-{Guid.NewGuid():N}";
        var verb = new NpgsqlConnectionStringBuilder(server.ConnectionString) { ApplicationName = name };

        await using var holder = new NpgsqlConnection(server.ConnectionString);
        await holder.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock({AssessmentTransaction.LockKey})", holder, held))
        {
            await take.ExecuteScalarAsync();
        }

        var run = process.RunAsync("recompute", "--Database:Provider=Postgres",
            $"--Database:ConnectionString={verb.ConnectionString}");
        // Asked outside the held transaction, whose view of pg_stat_activity is taken once, at its first look.
        await using var watcher = new NpgsqlConnection(server.ConnectionString);
        await watcher.OpenAsync();
        var terminated = false;
        for (var i = 0; i < 600 && !terminated && !run.IsCompleted; i++)
        {
            await Task.Delay(100);
            await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(a.pid)) "
                + "FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid "
                + "AND NOT l.granted AND l.locktype = 'advisory' WHERE a.application_name = @name", watcher);
            kill.Parameters.AddWithValue("name", name);
            terminated = (long)(await kill.ExecuteScalarAsync())! > 0;
        }

        await held.RollbackAsync();
        var (exit, output, error) = await run;
        Assert.True(terminated, $"the recompute never waited for the lock: exit {exit}: {output} {error}");
        Assert.True(exit == 3, $"exit {exit}: {output} {error}");
        Assert.Contains("The connection to the database was lost during the run", error, StringComparison.Ordinal);
        Assert.Contains("running recompute again once the database is back is safe", error, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be opened", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
