using System.Globalization;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Maintenance;

namespace ProductQuality.Graph.Assessment;

/// <summary>
/// <c>recompute</c>: re-evaluates every product, enterprise and region of the configured database as of today
/// (e.g. after a change of the <c>Rules</c> section, or nightly), with progress on stderr and a summary on stdout.
/// Safe while the server runs: each batch is its own transaction, replays committed facts and takes the lock a
/// live write takes, so writes and batches run one after another.
/// </summary>
internal static class RecomputeVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var host = CommandLine.BuildHost(args, databaseMustExist: true);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
        await DatabaseStateException.ThrowIfNoDataSetAsync(db);
        var clock = scope.ServiceProvider.GetRequiredService<BureauClock>();
        var recomputer = new Recomputer(scope.ServiceProvider.GetRequiredService<Rules.RulesOptions>())
        {
            BatchSize = scope.ServiceProvider.GetRequiredService<IOptions<MaintenanceOptions>>().Value.BatchSize,
        };
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Recomputing as of {clock.Today:yyyy-MM-dd} with rules "
            + $"{scope.ServiceProvider.GetRequiredService<Rules.RulesOptions>().Version}…"));
        RecomputeSummary summary;
        try
        {
            summary = await recomputer.RunAsync(db, clock.Today, clock.UtcNow, new ConsoleProgress(), default);
        }
        catch (Exception e) when (ConnectionLost(e) && DatabaseOutage.Reason(e) is { } reason)
        {
            // The database opened (the checks above read it) and went away during the run: "could not be opened …
            // check Database:ConnectionString" sent the operator to settings that were right.
            throw LostDuringRun(reason, e);
        }

        Console.WriteLine(summary.ToString());
        return 0;
    }

    // PostgreSQL's connection broke, or the server shut down or could not be reached again. Not a SQLite file that
    // is read-only or locked: those have sentences of their own (StartupFailure), which a lost connection is not.
    private static bool ConnectionLost(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var lost = e is Npgsql.PostgresException { SqlState: var state }
                ? state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal)
                : e is Npgsql.NpgsqlException { IsTransient: true };
            if (lost)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The connection lost mid-run. Each batch is its own transaction, so a batch is committed whole or not at all,
    /// and a run leaves agreeing rows alone: running it again finishes the work and changes nothing twice.
    /// </summary>
    private static DatabaseStateException LostDuringRun(string reason, Exception e) => new($"The connection to the "
        + $"database was lost during the run: the database {reason} ({DatabaseOutage.Cause(e)}). The batches "
        + "committed before stay, none is half-written, and running recompute again once the database is back is "
        + "safe: it re-evaluates everything again and leaves what is already current alone.");
}
