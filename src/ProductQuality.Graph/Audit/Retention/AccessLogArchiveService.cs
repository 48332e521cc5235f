using Microsoft.Extensions.Options;
using ProductQuality.Graph.Infrastructure.Clock;

namespace ProductQuality.Graph.Audit.Retention;

/// <summary>
/// Archives expired access log entries (<see cref="AccessLogArchiver"/>) on start-up — catching up on runs missed
/// while no server ran — and then each bureau day at <see cref="RetentionOptions.RunAt"/> (China Standard Time, by
/// the <see cref="BureauClock"/>'s time source). Servers sharing a database take turns under the archivers' lock; the
/// second finds nothing left. A failure is logged and tried again an hour later; it never stops the server.
/// </summary>
public sealed class AccessLogArchiveService(AccessLogArchiver archiver, BureauClock clock,
    IOptions<AccessLogOptions> options, ArchiveStatus status, ILogger<AccessLogArchiveService> logger)
    : BackgroundService
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = options.Value.Retention;
        if (!retention.Enabled)
        {
            logger.LogInformation("Access log retention is off (AccessLog:Retention:Days = 0): entries are kept.");
            return;
        }

        // Let the host finish starting before the first (catch-up) run.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = await RunOnceAsync(stoppingToken) ? clock.UntilNext(retention.RunAt.ToTimeSpan()) : RetryAfter;
            try
            {
                var delay = Task.Delay(wait, clock.Time, stoppingToken);
                status.Waiting(clock.Time.GetUtcNow() + wait);
                await delay;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            status.Running();
            var run = await archiver.RunAsync(p => logger.LogInformation(
                "Archived access log entries {First} to {Last} to {File} ({Done} of {Total}).",
                p.FirstSeq, p.LastSeq, p.File, p.Done, p.Total), stoppingToken);
            logger.LogInformation("{Summary}", run.ToString());
            status.Completed(run);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder or the disk (a path that cannot be made, no space): the operator's to mend, said in one line
            // and not as an error with a stack trace every hour.
            status.Failed();
            logger.LogWarning("Archiving the access log failed: {Reason} Trying again in {Minutes} minutes.",
                e.Message, RetryAfter.TotalMinutes);
            return false;
        }
#pragma warning disable CA1031 // A failed run must not stop the server: it is logged, reported and retried.
        catch (Exception e)
#pragma warning restore CA1031
        {
            status.Failed();
            logger.LogError(e, "Archiving the access log failed; trying again in {Minutes} minutes.",
                RetryAfter.TotalMinutes);
            return false;
        }
    }
}
