using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Infrastructure.Clock;

/// <summary>
/// The bureau's calendar. "Today" is the date in China Standard Time (UTC+8, no daylight saving), because a
/// sampling dated today in Jiaxing must not be refused as "in the future" at 07:00 local time. It can be pinned
/// with <c>Clock:Today</c> for tests, demos and reproducible benchmarks; timestamps still come from the real clock.
/// </summary>
public sealed class BureauClock(TimeProvider time, IOptions<ClockOptions> options)
{
    /// <summary>China Standard Time: UTC+8 all year.</summary>
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>The bureau's current date.</summary>
    public DateOnly Today =>
        options.Value.Today ?? DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaStandardTime).DateTime);

    /// <summary>The time source behind the calendar, for waiting until a bureau day starts.</summary>
    public TimeProvider Time => time;

    /// <summary>
    /// Time until the next <paramref name="timeOfDay"/> of a bureau day (China Standard Time) by <see cref="Time"/>:
    /// when the daily services run next (00:00 the start of a day).
    /// </summary>
    public TimeSpan UntilNext(TimeSpan timeOfDay)
    {
        var now = time.GetUtcNow().ToOffset(ChinaStandardTime);
        var next = new DateTimeOffset(now.Date + timeOfDay, ChinaStandardTime);
        return (next > now ? next : next.AddDays(1)) - now;
    }

    /// <summary>Now, in UTC, for "recorded at" stamps.</summary>
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}
