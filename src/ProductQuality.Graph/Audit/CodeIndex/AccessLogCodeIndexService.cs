using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Audit.CodeIndex;

/// <summary>
/// Runs the <see cref="AccessLogCodeIndexer"/> every <see cref="AccessLogOptions.CodeIndexIntervalMilliseconds"/>
/// (and on start-up, which after an upgrade indexes the whole log, batch by batch, with progress in the log). A failed
/// batch is logged and tried again next time: the look-up by code is only slower meanwhile, never wrong.
/// </summary>
public sealed class AccessLogCodeIndexService(AccessLogCodeIndexer indexer, IOptions<AccessLogOptions> options,
    ILogger<AccessLogCodeIndexService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Task.Yield();
        var interval = TimeSpan.FromMilliseconds(options.Value.CodeIndexIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            await CatchUpAsync(stoppingToken);
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task CatchUpAsync(CancellationToken stoppingToken)
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
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A failed batch must not stop the server: readers fall back to the entries' codes.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not index access log codes by credit code; trying again in {Interval} ms.",
                options.Value.CodeIndexIntervalMilliseconds);
        }
    }
}
