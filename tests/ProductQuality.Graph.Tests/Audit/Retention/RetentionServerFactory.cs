using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ProductQuality.Graph.Audit.Retention;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit.Retention;

/// <summary>
/// A server of its own with retention on (one day, into <paramref name="archive"/>) whose bureau clock runs on a fake
/// time source three days ahead of the real one, so the entries its requests leave (stamped by the real clock) are
/// expired at its next run; the test moves the clock to that run.
/// </summary>
public sealed class RetentionServerFactory(string archive) : GraphServerFactory
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(
        DateTime.UtcNow.Date.AddDays(3).AddHours(4), TimeSpan.Zero));

    public ArchiveStatus Status => Services.GetRequiredService<ArchiveStatus>();

    /// <summary>
    /// Waits (up to a minute: a bound, not a timing assertion) until the service completed or failed that many runs
    /// and waits for its next, so that moving the clock past <see cref="ArchiveStatus.NextRunAt"/> wakes it.
    /// </summary>
    public async Task<ArchiveStatus> RunsAsync(int count)
    {
        for (var waited = 0; waited < 60_000; waited += 20)
        {
            if (Status.Runs.Count + Status.Failures >= count && Status.NextRunAt is not null)
            {
                return Status;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The archive service did not finish run {count} within a minute.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("AccessLog:Retention:Days", "1");
        builder.UseSetting("AccessLog:Retention:Folder", archive);
        builder.ConfigureTestServices(services => services.AddSingleton(
            new BureauClock(Time, Options.Create(new ClockOptions()))));
    }
}
