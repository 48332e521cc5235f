using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Rules.Common;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Blacklist;

public class BlacklistRuleTests
{
    private readonly BlacklistRule rule = new(Options());

    // Order for P1 on 2024-03-01: a new failure of P1 from 2024-03-02 through 2026-03-01 lists.
    [Theory]
    [InlineData("P1", "2024-03-01", "2026-06-30", false)]
    [InlineData("P1", "2024-03-02", "2026-06-30", true)]
    [InlineData("P1", "2026-03-01", "2026-06-30", true)]
    [InlineData("P1", "2026-03-02", "2026-06-30", false)]
    [InlineData("P1", "2024-02-28", "2026-06-30", false)]
    [InlineData("P2", "2025-01-01", "2026-06-30", false)]
    [InlineData("P1", "2025-01-01", "2024-12-31", false)]
    [InlineData("P1", "2025-01-01", "2025-01-01", true)]
    public void Repeat_failure_window(string product, string failedOn, string asOf, bool listed)
    {
        var r = rule.EvaluateListing(new BlacklistFacts
        {
            AsOf = D(asOf),
            RectificationOrders = [new("P1", D("2024-03-01"))],
            FailedSamplings = [new("P1", D("2024-01-15")), new(product, D(failedOn))],
        });
        Assert.Equal(listed, r.Listed);
        Assert.Equal(listed ? BlacklistReason.RepeatFailure : null, r.Reason);
        Assert.Equal(listed ? D(failedOn) : null, r.ListedSince);
        Assert.Equal(listed ? "listed" : "not listed", r.Explanation.Outcome);
        Assert.Equal(RuleIds.BlacklistListing, r.Explanation.Rule);
    }

    [Fact]
    public void Repeat_failure_summary()
    {
        var r = rule.EvaluateListing(new BlacklistFacts
        {
            AsOf = D("2026-06-30"),
            RectificationOrders = [new("P1", D("2024-03-01"))],
            FailedSamplings = [new("P1", D("2025-05-20"))],
        });
        Assert.Equal("Listed (列入黑名单): repeat failure (屡查屡犯) within 2 years of the rectification order (责令整改) of "
            + "2024-03-01; failed sampling (抽查不合格) of product P1 on 2025-05-20", r.Explanation.Summary);
        Assert.Equal([[FactGroup.BlacklistDetail], [FactGroup.Inspections]],
            r.Explanation.Clauses!.Select(c => c.Groups));
        Assert.Equal(FactGroup.Inspections, r.Explanation.Factors.Single(f => f.Value == "P1").Group);
        Assert.Equal("P1", Assert.Single(r.Triggers).Reference);
    }

    [Theory]
    [InlineData(BlacklistReason.UnlicensedProduction, "unlicensed production (无证生产)")]
    [InlineData(BlacklistReason.Counterfeiting, "counterfeiting (制假售假)")]
    [InlineData(BlacklistReason.IntellectualPropertyInfringement, "intellectual property infringement (侵犯知识产权)")]
    public void Serious_violation_decision_lists(BlacklistReason kind, string text)
    {
        var r = rule.EvaluateListing(new BlacklistFacts
        {
            AsOf = D("2026-06-30"),
            Decisions = [new("嘉市监处〔2026〕12号", D("2026-05-01"), kind),
                new("future", D("2026-07-01"), BlacklistReason.Counterfeiting)],
        });
        Assert.True(r.Listed);
        Assert.Equal(kind, r.Reason);
        Assert.Equal(D("2026-05-01"), r.ListedSince);
        Assert.Equal("嘉市监处〔2026〕12号", Assert.Single(r.Triggers).Reference);
        Assert.Equal($"Listed (列入黑名单): {text}; enforcement decision (处罚决定) 嘉市监处〔2026〕12号 of 2026-05-01",
            r.Explanation.Summary);
        Assert.Equal([[FactGroup.BlacklistDetail], [FactGroup.Enforcement]],
            r.Explanation.Clauses!.Select(c => c.Groups));
        Assert.Equal(FactGroup.Enforcement, r.Explanation.Factors.Single(f => f.Value == "嘉市监处〔2026〕12号").Group);
    }

    [Fact]
    public void Latest_trigger_gives_the_reason()
    {
        var r = rule.EvaluateListing(new BlacklistFacts
        {
            AsOf = D("2026-06-30"),
            RectificationOrders = [new("P1", D("2024-03-01"))],
            FailedSamplings = [new("P1", D("2026-02-01"))],
            Decisions = [new("D-1", D("2025-01-01"), BlacklistReason.Counterfeiting)],
        });
        Assert.Equal([BlacklistReason.Counterfeiting, BlacklistReason.RepeatFailure], r.Triggers.Select(t => t.Reason));
        Assert.Equal((BlacklistReason.RepeatFailure, D("2026-02-01")), (r.Reason!.Value, r.ListedSince!.Value));
    }

    // A listing's explanation is read on its day and by asOf readers: it counts what existed then (the probe found
    // 316 of 331 listings counting later orders, 189 later failures).
    [Fact]
    public void The_explanation_counts_only_facts_up_to_its_day()
    {
        var r = rule.EvaluateListing(new BlacklistFacts
        {
            AsOf = D("2024-08-18"),
            RectificationOrders = [new("P1", D("2023-01-10")), new("P1", D("2024-09-05"))],
            FailedSamplings = [new("P1", D("2023-01-01")), new("P1", D("2024-08-18")), new("P2", D("2025-05-18"))],
            Decisions = [new("D-9", D("2025-07-31"), BlacklistReason.Counterfeiting)],
        });

        Assert.True(r.Listed);
        Assert.Equal([("rectification orders (责令整改)", "1"), ("failed sampling records (抽查不合格记录)", "2"),
            ("serious-violation decisions (严重违法处罚决定)", "0")],
            r.Explanation.Factors.Take(3).Select(f => (f.Name, f.Value)));
        Assert.DoesNotContain("2024-09-05", r.Explanation.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("D-9", r.Explanation.Summary, StringComparison.Ordinal);
    }

    // After a removal, the triggers it dealt with are history: a new listing names its own trigger alone.
    [Fact]
    public void Triggers_up_to_the_last_removal_neither_list_nor_explain_a_new_listing()
    {
        var facts = new BlacklistFacts
        {
            AsOf = D("2024-08-18"),
            RemovedOn = D("2022-06-14"),
            RectificationOrders = [new("P1", D("2019-05-01")), new("P2", D("2023-03-01"))],
            FailedSamplings = [new("P1", D("2019-08-08")), new("P2", D("2024-08-18"))],
            Decisions = [new("D-1", D("2020-06-14"), BlacklistReason.Counterfeiting)],
        };

        var r = rule.EvaluateListing(facts);

        Assert.Equal(("P2", D("2024-08-18")), (Assert.Single(r.Triggers).Reference, r.ListedSince!.Value));
        Assert.DoesNotContain("2019-08-08", r.Explanation.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("D-1", r.Explanation.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(r.Explanation.Factors, f => f.Effect == "listed from 2020-06-14");
        Assert.False(rule.EvaluateListing(facts with { AsOf = D("2024-08-17") }).Listed);
    }

    [Fact]
    public void Nothing_means_not_listed()
    {
        var r = rule.EvaluateListing(new BlacklistFacts { AsOf = D("2026-06-30"),
            FailedSamplings = [new("P1", D("2026-01-01")), new("P1", D("2026-02-01"))] });
        Assert.False(r.Listed);
        Assert.Empty(r.Triggers);
    }

    [Theory]
    [InlineData("2026-05-09", new string[0], false, "2026-05-10")]
    [InlineData("2026-05-10", new string[0], true, "2026-05-10")]
    [InlineData("2026-05-10", new[] { "2025-01-01" }, false, "2027-01-01")]
    [InlineData("2027-01-01", new[] { "2025-01-01" }, true, "2027-01-01")]
    [InlineData("2026-05-10", new[] { "2026-06-01" }, true, "2026-05-10")]
    [InlineData("2026-05-10", new[] { "2024-05-10" }, true, "2026-05-10")]
    public void Removal_after_rectification_period(string asOf, string[] violations, bool eligible, string from)
    {
        var r = rule.EvaluateRemoval(new BlacklistRemovalFacts(D("2024-05-10"), D(asOf),
            violations.Select(D).ToList()));
        Assert.Equal((eligible, D(from)), (r.Eligible, r.EligibleFrom));
        Assert.Equal(RuleIds.BlacklistRemoval, r.Explanation.Rule);
        Assert.Equal(eligible ? "removable" : "listed", r.Explanation.Outcome);
    }

    [Fact]
    public void Windows_are_configurable()
    {
        var custom = new BlacklistRule(
            Options(o => { o.Blacklist.RectificationPeriodYears = 3; o.Blacklist.RepeatFailureWindowYears = 1; }));
        Assert.False(custom.EvaluateRemoval(new(D("2024-05-10"), D("2026-05-10"), [])).Eligible);
        Assert.Equal(D("2027-05-10"), custom.EvaluateRemoval(new(D("2024-05-10"), D("2026-05-10"), [])).EligibleFrom);
        var listing = custom.EvaluateListing(new BlacklistFacts
        {
            AsOf = D("2026-06-30"),
            RectificationOrders = [new("P1", D("2024-03-01"))],
            FailedSamplings = [new("P1", D("2025-03-02"))],
        });
        Assert.False(listing.Listed);
    }
}
