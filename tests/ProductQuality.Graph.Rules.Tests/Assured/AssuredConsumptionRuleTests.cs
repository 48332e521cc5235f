using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Rules.Common;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Assured;

public class AssuredConsumptionRuleTests
{
    private static readonly DateOnly AsOf = D("2026-06-30");
    private readonly AssuredConsumptionRule rule = new(Options());

    private static ClassChange[] History(params string[] entries) =>
        entries.Select(e => e.Split('=')).Select(p => new ClassChange(D(p[0]), Enum.Parse<EnterpriseClass>(p[1])))
            .ToArray();

    [Theory]
    [InlineData(new[] { "2026-01-01=AA" }, AssuredStatus.Granted)]
    [InlineData(new[] { "2023-06-30=A" }, AssuredStatus.Granted)]
    [InlineData(new[] { "2023-07-01=A" }, AssuredStatus.NotEligible)]
    [InlineData(new[] { "2023-06-30=AA", "2025-01-01=A" }, AssuredStatus.Granted)]
    [InlineData(new[] { "2022-01-01=A", "2023-07-01=AA", "2024-01-01=A" }, AssuredStatus.Granted)]
    [InlineData(new[] { "2020-01-01=A", "2024-01-01=B", "2025-01-01=A" }, AssuredStatus.NotEligible)]
    [InlineData(new[] { "2020-01-01=B", "2023-06-30=A" }, AssuredStatus.Granted)]
    [InlineData(new[] { "2020-01-01=A", "2026-06-30=B" }, AssuredStatus.NotEligible)]
    [InlineData(new[] { "2020-01-01=AA", "2026-07-01=C" }, AssuredStatus.Granted)]
    [InlineData(new string[0], AssuredStatus.NotEligible)]
    public void Class_AA_or_A_three_years_running(string[] history, AssuredStatus expected)
    {
        var r = rule.Evaluate(new AssuredFacts { AsOf = AsOf, ClassHistory = History(history) });
        Assert.Equal(expected, r.Status);
        Assert.Equal(expected == AssuredStatus.Granted, r.ConditionsMet);
        Assert.Equal(expected == AssuredStatus.Granted ? D("2027-06-29") : null, r.ValidUntil);
        Assert.Equal(RuleIds.AssuredConsumption, r.Explanation.Rule);
    }

    [Theory]
    [InlineData(true, 0, AssuredStatus.NotEligible)]
    [InlineData(false, 1, AssuredStatus.NotEligible)]
    [InlineData(false, 0, AssuredStatus.Granted)]
    public void Blacklist_and_complaints_exclude(bool blacklisted, int complaints, AssuredStatus expected)
    {
        var r = rule.Evaluate(new AssuredFacts { AsOf = AsOf, ClassHistory = History("2025-01-01=AA"),
            Blacklisted = blacklisted, ValidComplaintsLastYear = complaints });
        Assert.Equal(expected, r.Status);
    }

    [Theory]
    [InlineData("2025-01-01=AA", false, 0, "2026-06-30", AssuredStatus.Continued, "2026-06-30")]
    [InlineData("2025-01-01=AA", false, 0, "2026-06-29", AssuredStatus.Granted, "2027-06-29")]
    [InlineData("2025-01-01=AA", false, 2, "2026-12-31", AssuredStatus.Continued, "2026-12-31")]
    [InlineData("2025-01-01=AA", false, 2, "2026-06-29", AssuredStatus.NotEligible, null)]
    [InlineData("2025-01-01=B", false, 0, "2026-12-31", AssuredStatus.Revoked, null)]
    [InlineData("2025-01-01=C", false, 0, "2026-12-31", AssuredStatus.Revoked, null)]
    [InlineData("2025-01-01=AA", true, 0, "2026-12-31", AssuredStatus.Revoked, null)]
    [InlineData("2026-06-01=A", false, 0, "2026-12-31", AssuredStatus.Continued, "2026-12-31")]
    public void Existing_grant(string history, bool blacklisted, int complaints, string grantValidUntil,
        AssuredStatus expected, string? validUntil)
    {
        var r = rule.Evaluate(new AssuredFacts
        {
            AsOf = AsOf, ClassHistory = History(history), Blacklisted = blacklisted,
            ValidComplaintsLastYear = complaints, CurrentGrant = new AssuredGrant(D("2026-01-01"), D(grantValidUntil)),
        });
        Assert.Equal(expected, r.Status);
        Assert.Equal(validUntil is null ? null : D(validUntil), r.ValidUntil);
        Assert.Equal(expected is AssuredStatus.Granted or AssuredStatus.Continued, r.IsAssured);
    }

    [Fact]
    public void Revocation_says_why()
    {
        var r = rule.Evaluate(new AssuredFacts { AsOf = AsOf, ClassHistory = History("2025-01-01=B"),
            CurrentGrant = new(D("2026-01-01"), D("2026-12-31")) });
        Assert.Equal("Assured consumption unit (放心消费单位) revoked at once: downgraded below A (降级至A类以下) to B",
            r.Explanation.Summary);
    }

    [Fact]
    public void Grant_summary_and_options()
    {
        var custom =
            new AssuredConsumptionRule(Options(o => { o.Assured.ValidityMonths = 24; o.Assured.YearsAtClassA = 2; }));
        var r = custom.Evaluate(new AssuredFacts { AsOf = AsOf, ClassHistory = History("2024-06-30=A") });
        Assert.Equal((AssuredStatus.Granted, D("2028-06-29")), (r.Status, r.ValidUntil!.Value));
        Assert.Equal("Assured consumption unit (放心消费单位) granted until 2028-06-29: class A or better since 2024-06-30, "
            + "2 years running (连续2年); not blacklisted; no valid complaint in the last year", r.Explanation.Summary);
    }
}
