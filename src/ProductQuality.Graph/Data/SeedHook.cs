using System.Globalization;
using ProductQuality.Graph.Data.Seeding;
using ProductQuality.Graph.Rules;

namespace ProductQuality.Graph.Data;

/// <summary>Runs the data set generator for start-up and the <c>seed</c> verb, reporting progress as it goes.</summary>
internal static class SeedHook
{
    public static Task<bool> IsEmptyAsync(ProductQualityDbContext db, CancellationToken cancellationToken) =>
        DatabaseSeeder.IsEmptyAsync(db);

    public static async Task SeedAsync(ProductQualityDbContext db, DatabaseOptions options, IServiceProvider services,
        ILogger logger, CancellationToken cancellationToken)
    {
        var today = options.SeedToday ?? services.GetRequiredService<Infrastructure.Clock.BureauClock>().Today;
        var request = new SeedRequest(options.SeedEnterprises, options.SeedRandom, today);
        var summary = await new DatabaseSeeder(services.GetRequiredService<RulesOptions>())
            .SeedAsync(db, request, new ThrottledProgress(logger), cancellationToken);
        logger.LogInformation(
            "Seeded {Enterprises} enterprises ({Inspections} samplings, {Blacklisted} blacklisted, {Assured} assured) "
                + "in {Seconds:F1} s.",
            summary.Enterprises, summary.Inspections, summary.Blacklisted, summary.Assured,
            summary.Elapsed.TotalSeconds);
        // The generated data set and the change tracker's copies are garbage once written, but the server GC kept
        // the heap they grew: a server that seeded on its first start stayed at ~1.1 GB resident for its life,
        // against ~0.3 GB after a restart (the cost probe), which matters under a container's memory limit.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>
    /// Logs a phase's progress at most every few percent, so a million-enterprise run shows it is moving.
    /// </summary>
    private sealed class ThrottledProgress(ILogger logger) : IProgress<SeedProgress>
    {
        private string? _phase;
        private int _lastPercent = -1;

        public void Report(SeedProgress value)
        {
            var percent = value.Total == 0 ? 100 : (int)(100L * value.Done / value.Total);
            if (value.Phase == _phase && percent < _lastPercent + 5 && value.Done != value.Total)
            {
                return;
            }

            _phase = value.Phase;
            _lastPercent = percent;
            logger.LogInformation("Seeding {Phase}: {Done}/{Total} ({Percent}%)", value.Phase,
                value.Done.ToString("N0", CultureInfo.InvariantCulture),
                value.Total.ToString("N0", CultureInfo.InvariantCulture), percent);
        }
    }
}
