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
        var summary = await recomputer.RunAsync(db, clock.Today, clock.UtcNow, new ConsoleProgress(), default);
        Console.WriteLine(summary.ToString());
        return 0;
    }

    // Reports on the calling thread (Progress<T> would post to the thread pool and jumble the lines), every 10%.
    private sealed class ConsoleProgress : IProgress<RecomputeProgress>
    {
        private int lastTenth = -1;

        public void Report(RecomputeProgress value)
        {
            var percent = value.Total == 0 ? 100 : (int)(100L * value.Done / value.Total);
            if (percent / 10 == lastTenth && value.Done != value.Total)
            {
                return;
            }

            lastTenth = percent / 10;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {value.Stage}: {value.Done:N0}/{value.Total:N0} ({percent}%)"));
        }
    }
}
