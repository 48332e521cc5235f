using ProductQuality.Graph.Infrastructure.Clock;

namespace ProductQuality.Graph.History;

/// <summary>
/// "As the data stood on a day" (<c>asOf</c>): what was in force on <see cref="Date"/> according to the rows the
/// bureau had recorded by the end of that day (China Standard Time) and not yet superseded by then.
/// A late fact or a rules change recorded afterwards revises the past for today's readers, but does not rewrite
/// what a bank saw on the day of a loan application: that answer stays reproducible.
/// </summary>
public readonly record struct KnownOn(DateOnly Date)
{
    /// <summary>The first instant after the day, in UTC: rows recorded before it were known on the day.</summary>
    public DateTime KnownByUtc =>
        Date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - BureauClock.ChinaStandardTime;

    /// <summary>A per-day suffix for batch loader names, so rows of different days never share a cache.</summary>
    public string LoaderSuffix => "@" + Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
