namespace ProductQuality.Graph.Infrastructure.Clock;

/// <summary>The <c>Clock</c> section.</summary>
public sealed class ClockOptions
{
    public const string Section = "Clock";

    /// <summary>Pins the bureau's "today" (yyyy-MM-dd); unset means the real date in China Standard Time.</summary>
    public DateOnly? Today { get; set; }
}
