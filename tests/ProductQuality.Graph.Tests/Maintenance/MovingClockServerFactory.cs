using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Maintenance;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Maintenance;

/// <summary>
/// A server of its own (SQLite, seeded as of 2026-11-28) whose bureau clock is not pinned but runs on a fake time
/// source the test moves, with the daily re-evaluation on. Tokens keep the real clock.
/// </summary>
public sealed class MovingClockServerFactory(DateTimeOffset start) : GraphServerFactory
{
    public static readonly DateOnly SeedDay = new(2026, 11, 28);

    public FakeTimeProvider Time { get; } = new(start);

    public MaintenanceStatus Status => Services.GetRequiredService<MaintenanceStatus>();

    /// <summary>An instant of a bureau day, China Standard Time.</summary>
    public static DateTimeOffset At(DateOnly day, int hour, int minute = 0) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), BureauClock.ChinaStandardTime);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        MovingClock.Configure(builder, Time);
    }

    /// <summary>
    /// Waits (up to a minute: a bound, not a timing assertion) until the service completed that many runs and waits
    /// for its next, so that moving the clock past <see cref="MaintenanceStatus.NextRunAt"/> wakes it.
    /// </summary>
    public Task<DueRunSummary> RunAsync(int count) => MovingClock.WaitForRunAsync(Status, count);
}

/// <summary>The moving clock and the service's runs, shared by the SQLite and PostgreSQL factories.</summary>
internal static class MovingClock
{
    public static void Configure(IWebHostBuilder builder, FakeTimeProvider time)
    {
        builder.UseSetting("Maintenance:Enabled", "true");
        builder.ConfigureTestServices(services => services.AddSingleton(
            new BureauClock(time, Options.Create(new ClockOptions()))));
    }

    public static async Task<DueRunSummary> WaitForRunAsync(MaintenanceStatus status, int count)
    {
        for (var waited = 0; waited < 60_000; waited += 20)
        {
            var runs = status.Runs;
            if (runs.Count >= count && status.NextRunAt is not null)
            {
                return runs[count - 1];
            }

            Assert.Equal(0, status.Failures);
            await Task.Delay(20);
        }

        throw new TimeoutException($"The daily re-evaluation did not complete run {count} within a minute.");
    }
}
