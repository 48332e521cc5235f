using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Supervision;

/// <summary>When an enterprise is next due for inspection.</summary>
/// <param name="Colour">The map colour that set the interval.</param>
/// <param name="IntervalMonths">Months between inspections.</param>
/// <param name="LastInspectedOn">The last inspection, or null if never inspected.</param>
/// <param name="DueOn">Next due date; the as-of date when never inspected.</param>
/// <param name="IsDue">True when <paramref name="DueOn"/> is on or before the as-of date.</param>
/// <param name="DaysOverdue">Days past <paramref name="DueOn"/> (0 when not yet due or due today).</param>
/// <param name="Forms">The forms of inspection (检查形式), sampling first.</param>
/// <param name="Explanation">Interval, mode and dates.</param>
public sealed record InspectionSchedule(
    FourColor Colour,
    int IntervalMonths,
    DateOnly? LastInspectedOn,
    DateOnly DueOn,
    bool IsDue,
    int DaysOverdue,
    IReadOnlyList<InspectionForm> Forms,
    Explanation Explanation);
