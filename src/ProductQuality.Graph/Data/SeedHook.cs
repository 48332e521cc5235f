using Microsoft.EntityFrameworkCore;

namespace ProductQuality.Graph.Data;

/// <summary>Bridge from start-up and the CLI to the data set generator.</summary>
internal static class SeedHook
{
    public static Task<bool> IsEmptyAsync(ProductQualityDbContext db, CancellationToken cancellationToken) =>
        db.Regions.AnyAsync(cancellationToken).ContinueWith(t => !t.Result, cancellationToken, TaskContinuationOptions.None, TaskScheduler.Default);

    public static Task SeedAsync(ProductQualityDbContext db, DatabaseOptions options, IServiceProvider services, ILogger logger, CancellationToken cancellationToken) =>
        throw new NotImplementedException("The data set generator is being merged.");
}
