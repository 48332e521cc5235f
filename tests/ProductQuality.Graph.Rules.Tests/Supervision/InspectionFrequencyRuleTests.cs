using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Supervision;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Supervision;

public class InspectionFrequencyRuleTests
{
    private static readonly DateOnly AsOf = D("2026-06-30");
    private readonly InspectionFrequencyRule rule = new(Options());

    [Theory]
    [InlineData(FourColor.Red, "2026-01-15", 3, "2026-04-15", true, 76)]
    [InlineData(FourColor.Red, "2026-03-30", 3, "2026-06-30", true, 0)]
    [InlineData(FourColor.Red, "2026-03-31", 3, "2026-06-30", true, 0)]
    [InlineData(FourColor.Red, "2026-04-01", 3, "2026-07-01", false, 0)]
    [InlineData(FourColor.Yellow, "2026-01-15", 6, "2026-07-15", false, 0)]
    [InlineData(FourColor.Yellow, "2025-12-30", 6, "2026-06-30", true, 0)]
    [InlineData(FourColor.Blue, "2026-01-15", 12, "2027-01-15", false, 0)]
    [InlineData(FourColor.Blue, "2025-06-29", 12, "2026-06-29", true, 1)]
    [InlineData(FourColor.Green, "2026-01-15", 24, "2028-01-15", false, 0)]
    [InlineData(FourColor.Green, "2024-06-30", 24, "2026-06-30", true, 0)]
    public void Interval_and_due_date(FourColor colour, string last, int months, string due, bool isDue, int overdue)
    {
        var s = rule.Evaluate(Of(colour), D(last), AsOf);
        Assert.Equal((months, D(due), isDue, overdue), (s.IntervalMonths, s.DueOn, s.IsDue, s.DaysOverdue));
        Assert.Equal(D(last), s.LastInspectedOn);
        Assert.Equal(RuleIds.InspectionFrequency, s.Explanation.Rule);
        Assert.Equal(due, s.Explanation.Outcome);
    }

    [Fact]
    public void Never_inspected_is_due_now()
    {
        var s = rule.Evaluate(Of(FourColor.Green), null, AsOf);
        Assert.Equal((AsOf, true, 0), (s.DueOn, s.IsDue, s.DaysOverdue));
        Assert.Equal("Inspect every 24 months: credit-based supervision (信用监管) for GREEN (绿色); never inspected, "
            + "due now (2026-06-30); by sampling (监督抽查)", s.Explanation.Summary);
    }

    [Fact]
    public void Overdue_summary()
    {
        var s = rule.Evaluate(Of(FourColor.Red), D("2026-01-15"), AsOf);
        Assert.Equal("Inspect every 3 months: intensified supervision (加严监管) for RED (红色); last inspected 2026-01-15, "
            + "due 2026-04-15, 76 days overdue; by sampling (监督抽查)", s.Explanation.Summary);
    }

    [Fact]
    public void Urgency_orders_by_due_date_then_severity()
    {
        var green = rule.Evaluate(Of(FourColor.Green), null, AsOf);
        var red = rule.Evaluate(Of(FourColor.Red), null, AsOf);
        var blueLate = rule.Evaluate(Of(FourColor.Blue), D("2025-01-01"), AsOf);
        var yellowFuture = rule.Evaluate(Of(FourColor.Yellow), D("2026-06-01"), AsOf);
        var ordered = InspectionFrequencyRule.OrderByUrgency([yellowFuture, green, red, blueLate]);
        Assert.Equal([FourColor.Blue, FourColor.Red, FourColor.Green, FourColor.Yellow], ordered.Select(s => s.Colour));
    }

    [Fact]
    public void Intervals_come_from_options()
    {
        var custom = new InspectionFrequencyRule(Options(o => o.Inspection.RedMonths = 1));
        Assert.Equal(D("2026-02-15"), custom.Evaluate(Of(FourColor.Red), D("2026-01-15"), AsOf).DueOn);
    }

    // Class B with GENERAL products: neither cap applies, so these rows test the colour intervals alone.
    private static SupervisionSubject Of(FourColor colour) => new(colour, EnterpriseClass.B, ProductTier.General);
}
