using Microsoft.Extensions.Options;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure.Clock;

namespace ProductQuality.Graph.Maintenance;

/// <summary>
/// Keeps served values from going stale: on start-up (catching up on any day missed while no server ran) and then
/// at the start of each bureau day (00:00 China Standard Time, by the <see cref="BureauClock"/>'s time source), it
/// re-evaluates everything due by today (<see cref="DueReEvaluation"/>). A failure is logged and tried again after
/// <see cref="MaintenanceOptions.RetryMinutes"/>; it never stops the server. No external cron is needed.
/// </summary>
public sealed class DailyReEvaluationService(
    IServiceScopeFactory scopes, BureauClock clock, IOptions<MaintenanceOptions> options,
    MaintenanceStatus status, ILogger<DailyReEvaluationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation(
                "Daily re-evaluation is off (Maintenance:Enabled = false): run `recompute` daily instead.");
            return;
        }

        // Let the host finish starting before the first (catch-up) run.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var today = clock.Today;
            var succeeded = await RunOnceAsync(today, settings.BatchSize, stoppingToken);

            // A run that went past midnight is followed at once by the next day's; otherwise wait for the next day.
            var wait = !succeeded ? TimeSpan.FromMinutes(settings.RetryMinutes)
                : clock.Today > today ? TimeSpan.Zero
                : clock.UntilNext(TimeSpan.Zero);
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

    private async Task<bool> RunOnceAsync(DateOnly today, int batchSize, CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
            var run = scope.ServiceProvider.GetRequiredService<DueReEvaluation>();
            status.Running();
            status.Completed(await run.RunAsync(db, today, batchSize, ct));
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return true;
        }
#pragma warning disable CA1031 // A failed run must not stop the server: it is logged and retried.
        catch (Exception e)
#pragma warning restore CA1031
        {
            status.Failed();
            logger.LogError(e, "Daily re-evaluation failed; trying again in {Minutes} minutes.",
                options.Value.RetryMinutes);
            return false;
        }
    }
}
