using Microsoft.Extensions.Options;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Audit.CodeIndex;

/// <summary>
/// Runs the <see cref="AccessLogCodeIndexer"/> every <see cref="AccessLogOptions.CodeIndexIntervalMilliseconds"/>
/// (and on start-up, which after an upgrade indexes the whole log, batch by batch, with progress in the log). A failed
/// batch is logged and tried again, waiting longer after each failure (up to a minute): the look-up by code is only
/// slower meanwhile, never wrong.
/// </summary>
public sealed class AccessLogCodeIndexService(AccessLogCodeIndexer indexer, IOptions<AccessLogOptions> options,
    ILogger<AccessLogCodeIndexService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxWaitAfterFailure = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Task.Yield();
        var interval = TimeSpan.FromMilliseconds(options.Value.CodeIndexIntervalMilliseconds);
        var wait = interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            // After a failure wait twice as long each time, up to a minute: a database that is gone is not
            // reported every second.
            wait = await CatchUpAsync(stoppingToken) ? interval : Min(wait * 2, MaxWaitAfterFailure);
            try
            {
                await Task.Delay(Max(wait, interval), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>False when the batch failed.</summary>
    private async Task<bool> CatchUpAsync(CancellationToken stoppingToken)
    {
        try
        {
            var (codes, batches) = await indexer.CatchUpAsync((done, _) => logger.LogInformation(
                "Indexing access log codes by credit code: {Codes} so far.", done), stoppingToken);
            if (batches > 1)
            {
                logger.LogInformation("Indexed {Codes} access log codes by credit code in {Batches} batches.",
                    codes, batches);
            }

            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return true;
        }
#pragma warning disable CA1031 // A failed batch must not stop the server: readers fall back to the entries' codes.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // An outage is a warning line now and then, no stack trace (the operations probe counted a 19-line stack
            // at every retry); a fault that is no outage keeps its stack.
            logger.LogDatabaseFailure(ex, "code indexer", "Could not index access log codes by credit code; trying "
                + "again later (look-ups by code still find every entry, reading more of the log meanwhile)", null);
            return false;
        }
    }
}
