using Microsoft.Extensions.Options;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Audit.UnloggedWrites;

/// <summary>
/// Runs <see cref="UnloggedWriteRecovery"/> once a minute, the first time a minute after start (when the writes of a
/// server killed mid-request are long past their requests). A failed pass (the database out) is logged and tried at
/// the next minute.
/// </summary>
public sealed class UnloggedWriteRecoveryService(UnloggedWriteRecovery recovery, IOptions<AccessLogOptions> options,
    ILogger<UnloggedWriteRecoveryService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stoppingToken);
                await recovery.RecoverAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed pass must not stop the server: the rows wait for the next one.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogDatabaseFailure(ex, "unlogged-write recovery", "Could not record the entries of writes "
                    + "whose requests' entries were never stored; trying again in a minute", null);
            }
        }
    }
}
