using Microsoft.Extensions.Time.Testing;
using ProductQuality.Graph.Infrastructure.Http.Limits;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// The request rate's windows on a fake clock: the wait a refusal names is the time left in the window, a window
/// begins with the first request after the last ended, and ended windows are dropped (every public address gets
/// one) while running ones keep refusing.
/// </summary>
public sealed class FixedWindowCountsTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_refusal_names_the_time_left_and_the_next_window_begins_with_the_next_request()
    {
        var clock = new FakeTimeProvider();
        var counts = new FixedWindowCounts(clock);
        Assert.True(counts.TryTake("a", 1, Minute, out _));

        clock.Advance(TimeSpan.FromSeconds(59.9));
        Assert.False(counts.TryTake("a", 1, Minute, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(0.1), wait);

        // Ten minutes later the new window begins at this request, not at a multiple of the minute.
        clock.Advance(TimeSpan.FromSeconds(600.1));
        Assert.True(counts.TryTake("a", 1, Minute, out _));
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.False(counts.TryTake("a", 1, Minute, out wait));
        Assert.Equal(TimeSpan.FromSeconds(40), wait);
    }

    [Fact]
    public void Ended_windows_are_dropped_and_running_ones_kept()
    {
        var clock = new FakeTimeProvider();
        var counts = new FixedWindowCounts(clock);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(counts.TryTake($"public:10.0.0.{i}", 1, Minute, out _));
        }

        Assert.True(counts.TryTake("department:tax", 1, TimeSpan.FromHours(1), out _));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(counts.TryTake("department:tax", 1, TimeSpan.FromHours(1), out var wait));
        Assert.Equal(TimeSpan.FromMinutes(58), wait);
        Assert.Equal(1, counts.Keys);
        Assert.True(counts.TryTake("public:10.0.0.1", 1, Minute, out _));
    }
}
