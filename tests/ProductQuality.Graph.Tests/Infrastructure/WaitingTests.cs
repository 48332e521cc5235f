using Microsoft.Extensions.Time.Testing;
using ProductQuality.Graph.Infrastructure.Clock;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// Waiting until a moment on a fake clock: how a WebSocket connection waits for its token's expiry. Task.Delay alone
/// refuses waits over about 49.7 days, so a connection opened with a longer-lived token was never closed.
/// </summary>
public sealed class WaitingTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(3)]
    [InlineData(60)]
    [InlineData(400)]
    public async Task A_wait_of_many_days_ends_at_its_moment_and_not_before(int days)
    {
        var clock = new FakeTimeProvider(Start);
        var moment = Start.AddDays(days).AddMinutes(7);
        var waiting = Waiting.UntilAsync(moment, clock, CancellationToken.None);

        for (var day = 0; day < days; day++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            Assert.False(waiting.IsCompleted, $"ended (status {waiting.Status}) after {day + 1} of {days} days");
        }

        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_moment_already_past_ends_the_wait_at_once()
    {
        var clock = new FakeTimeProvider(Start);
        var deadline = TimeSpan.FromSeconds(30);
        await Waiting.UntilAsync(Start.AddSeconds(-1), clock, CancellationToken.None).WaitAsync(deadline);
        await Waiting.UntilAsync(Start, clock, CancellationToken.None).WaitAsync(deadline);
    }

    [Fact]
    public async Task Cancelling_ends_a_long_wait()
    {
        var clock = new FakeTimeProvider(Start);
        using var cancel = new CancellationTokenSource();
        var waiting = Waiting.UntilAsync(Start.AddDays(90), clock, cancel.Token);
        clock.Advance(TimeSpan.FromDays(2));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
