namespace ProductQuality.Graph.Statistics;

/// <summary>
/// The supervision plan on a day: enterprises due by then, how many of them overdue, and by how much at most.
/// </summary>
/// <param name="Enterprises">Enterprises in scope.</param>
/// <param name="Due">Plan entries due by the day (campaign exclusions left out).</param>
/// <param name="Overdue">Entries whose due date has passed.</param>
/// <param name="OverdueSharePercent">Overdue entries as a share of the enterprises.</param>
/// <param name="MaxDaysOverdue">The longest overdue, in days (0 when none).</param>
public sealed record OverdueStatistics(
    int Enterprises, int Due, int Overdue, double OverdueSharePercent, int MaxDaysOverdue);
