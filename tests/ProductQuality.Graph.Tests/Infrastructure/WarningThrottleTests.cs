using Microsoft.Extensions.Time.Testing;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// The one throttle behind every repeated-failure warning (database outages, the identity provider, the OTLP
/// collector): the first failure is warned about at once, then one line per period with the count of those held back,
/// and a failure after a recovery is warned about at once again.
/// </summary>
public sealed class WarningThrottleTests
{
    [Fact]
    public void The_first_failure_warns_then_one_a_period_with_the_count_held_back()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero));
        var throttle = new WarningThrottle(TimeSpan.FromMinutes(1), clock);

        Assert.True(throttle.ShouldWarn(out var first));
        Assert.Equal(0, first);
        for (var i = 0; i < 7; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(7));
            Assert.False(throttle.ShouldWarn(out var none));
            Assert.Equal(0, none);
        }

        clock.Advance(TimeSpan.FromSeconds(11));   // 60 s after the first warning
        Assert.True(throttle.ShouldWarn(out var heldBack));
        Assert.Equal(7, heldBack);
        Assert.False(throttle.ShouldWarn(out _));
    }

    [Fact]
    public void After_a_reset_the_next_failure_warns_at_once_and_counts_afresh()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero));
        var throttle = new WarningThrottle(TimeSpan.FromMinutes(1), clock);
        Assert.True(throttle.ShouldWarn(out _));
        Assert.False(throttle.ShouldWarn(out _));
        Assert.False(throttle.ShouldWarn(out _));

        throttle.Reset();

        Assert.True(throttle.ShouldWarn(out var heldBack));
        Assert.Equal(0, heldBack);
        Assert.False(throttle.ShouldWarn(out _));
    }

    [Theory]
    [InlineData("refused\n   at System.Net.Http.HttpConnection…", 300, "refused")]
    [InlineData("  padded  \r\nsecond", 300, "padded")]
    [InlineData("abcdefghij", 4, "abcd…")]
    [InlineData("", 300, "")]
    public void A_failure_text_is_told_by_its_first_line_cut(string text, int max, string expected) =>
        Assert.Equal(expected, WarningThrottle.FirstLine(text, max));
}
