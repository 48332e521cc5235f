using ProductQuality.Graph.Rules.Timeline;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Timeline;

/// <summary>
/// The day a fact leaves its window is found from the window's own test, so it is right around 29 February, where
/// "date + N years + 1 day" is a day early. Checked against the test itself for every day of several years.
/// </summary>
public class WindowExitTests
{
    [Theory]
    [InlineData("2023-02-28", 5, "2028-03-01")] // 2028-02-29 minus five years is 2023-02-28: still inside
    [InlineData("2024-02-29", 1, "2025-03-01")]
    [InlineData("2024-02-01", 1, "2025-02-02")]
    [InlineData("2024-03-01", 3, "2027-03-02")]
    public void A_sampling_leaves_the_inclusive_window(string date, int years, string leaves) =>
        Assert.Equal(D(leaves), InForce.LeavesWindow(D(date), years));

    [Theory]
    [InlineData("2024-02-29", 1, "2025-03-01")]
    [InlineData("2025-02-01", 1, "2026-02-01")]
    [InlineData("2024-05-10", 2, "2026-05-10")]
    public void A_complaint_or_warning_leaves_its_open_window(string date, int years, string leaves) =>
        Assert.Equal(D(leaves), InForce.LeavesOpenWindow(D(date), years));

    [Theory]
    [InlineData("2024-02-29", 3, "2027-03-01")]
    [InlineData("2024-02-01", 3, "2027-02-01")]
    public void A_run_reaches_its_years(string start, int years, string reached) =>
        Assert.Equal(D(reached), InForce.RunReaches(D(start), years));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Every_exit_is_the_first_day_the_windows_own_test_fails(int years)
    {
        for (var date = D("2019-01-01"); date <= D("2025-12-31"); date = date.AddDays(1))
        {
            var inclusive = InForce.LeavesWindow(date, years);
            Assert.True(inclusive.AddYears(-years) > date && !(inclusive.AddDays(-1).AddYears(-years) > date),
                $"{date}");
            var open = InForce.LeavesOpenWindow(date, years);
            Assert.True(!(date > open.AddYears(-years)) && date > open.AddDays(-1).AddYears(-years), $"{date}");
            var run = InForce.RunReaches(date, years);
            Assert.True(date <= run.AddYears(-years) && !(date <= run.AddDays(-1).AddYears(-years)), $"{date}");
        }
    }

    [Theory]
    [InlineData("2026-11-28", null, null, null, null, null, null)]
    [InlineData("2026-11-28", "2024-03-01", null, null, null, null, "2027-03-02")] // oldest sampling in 3 years
    [InlineData("2027-03-01", "2024-03-01", null, null, null, null, "2027-03-02")]
    [InlineData("2027-03-02", "2024-03-01", null, null, null, null, null)] // that day is not after today
    [InlineData("2026-11-28", null, "2024-02-29", null, null, null, "2027-03-01")] // a complaint, three years
    [InlineData("2026-11-28", null, null, "2025-06-01", null, null, "2027-06-01")] // a warning, two years
    [InlineData("2026-11-28", "2024-03-01", null, "2025-06-01", "2026-12-31", null, "2027-01-01")] // override ends
    [InlineData("2026-11-28", "2024-03-01", null, null, null, "2026-12-05", "2026-12-05")] // a fact dated ahead
    public void A_products_grading_changes_on_the_first_of_its_days(
        string today, string? sampling, string? complaint, string? warning, string? overrideLastDay,
        string? future, string? due)
    {
        var dates = new ProductFactDates(Maybe(sampling), Maybe(complaint), Maybe(warning), Maybe(overrideLastDay),
            Maybe(future));
        Assert.Equal(Maybe(due), dates.NextDue(D(today), 3));
    }

    [Theory]
    [InlineData(2, "2027-06-01")]
    [InlineData(3, "2028-06-01")]
    public void A_city_bulletin_leaves_the_grading_after_its_configured_window(int years, string due)
    {
        var dates = new ProductFactDates(null, null, D("2025-06-01"), null, null) { WarningWindowYears = years };
        Assert.Equal(D(due), dates.NextDue(D("2026-11-28"), 3));
    }

    private static DateOnly? Maybe(string? iso) => iso is null ? null : D(iso);
}
