namespace ProductQuality.Graph.Infrastructure.Clock;

/// <summary>Waits until a moment, however far away it is.</summary>
public static class Waiting
{
    // Task.Delay refuses a wait longer than uint.MaxValue - 1 ms (about 49.7 days), and a token from an outside
    // identity provider may well be valid longer. So the wait goes in steps, each measured again against the clock.
    private static readonly TimeSpan Step = TimeSpan.FromDays(1);

    /// <summary>Completes at <paramref name="moment"/> by <paramref name="clock"/> (at once when it has passed);
    /// cancelled with <paramref name="cancellationToken"/>.</summary>
    public static async Task UntilAsync(DateTimeOffset moment, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        for (var wait = moment - clock.GetUtcNow(); wait > TimeSpan.Zero; wait = moment - clock.GetUtcNow())
        {
            await Task.Delay(wait < Step ? wait : Step, clock, cancellationToken);
        }
    }
}
