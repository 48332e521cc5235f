using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Timeline;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Timeline;

/// <summary>
/// A manual class override (人工调整) holds through its expiry date and ends the day after with no new fact; a
/// withdrawal ends it on its date. A downgrade by override counts for the upgrade wait like any downgrade.
/// </summary>
public class OverrideTimelineTests
{
    private static Story Overridden() =>
        new Story().Sampled("2024-02-01").Override("2025-01-01", EnterpriseClass.C, "2025-06-30");

    [Theory]
    [InlineData("2024-12-31", EnterpriseClass.A, false)]
    [InlineData("2025-01-01", EnterpriseClass.C, true)]
    [InlineData("2025-06-30", EnterpriseClass.C, true)]
    [InlineData("2025-07-01", EnterpriseClass.C, false)]
    [InlineData("2025-12-31", EnterpriseClass.C, false)]
    [InlineData("2026-01-01", EnterpriseClass.A, false)]
    public void An_override_holds_through_its_expiry_then_the_upgrade_wait_runs(
        string day, EnterpriseClass cls, bool overridden)
    {
        var record = InForce.Latest(Overridden().Replay("2026-06-30").Records, r => r.EffectiveFrom, D(day))!;
        Assert.Equal((cls, overridden), (record.Class, record.IsOverride));
        Assert.Equal(overridden ? D("2025-06-30") : null, record.OverrideExpiresOn);
    }

    [Fact]
    public void The_day_after_expiry_says_so()
    {
        var expired = Overridden().Replay("2026-06-30").Records.Single(r => r.EffectiveFrom == D("2025-07-01"));
        Assert.Contains(expired.Reason, p => p.Text == "manual override expired (人工调整到期)");
        Assert.Contains("upgrade to A deferred until 2026-01-01", expired.ClassExplanations[1].Summary,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_override_reason_is_tagged_as_the_regulators_words()
    {
        var set = Overridden().Replay("2026-06-30").Records.Single(r => r.EffectiveFrom == D("2025-01-01"));
        Assert.Contains(set.Reason,
            p => p.Text == "manual override (人工调整) to C" && p.Groups.SequenceEqual([FactGroup.Class]));
        Assert.Contains(set.Reason,
            p => p.Text == "regulator's reason" && p.Groups.SequenceEqual([FactGroup.Enforcement]));
    }

    [Theory]
    [InlineData("2025-02-28", EnterpriseClass.B, true)]
    [InlineData("2025-03-01", EnterpriseClass.B, false)]
    [InlineData("2026-01-01", EnterpriseClass.A, false)]
    public void A_withdrawal_ends_the_override_on_its_date(string day, EnterpriseClass cls, bool overridden)
    {
        var story = new Story().Sampled("2024-02-01")
            .Override("2025-01-01", EnterpriseClass.B, "2025-12-31").Override("2025-03-01", null, "2025-03-01");
        var record = InForce.Latest(story.Replay("2026-06-30").Records, r => r.EffectiveFrom, D(day))!;
        Assert.Equal((cls, overridden), (record.Class, record.IsOverride));
    }

    [Fact]
    public void The_override_decided_by_a_day_is_passed_even_when_expired_so_the_rule_says_it_was_ignored()
    {
        var facts = Overridden().Facts;
        Assert.Null(EnterpriseReplay.OverrideOn(facts, D("2024-12-31")));
        Assert.Equal(D("2025-06-30"), EnterpriseReplay.OverrideOn(facts, D("2025-07-01"))!.ExpiresOn);
        Assert.False(EnterpriseReplay.OverrideOn(facts, D("2025-07-01"))!.IsActiveOn(D("2025-07-01")));
    }
}
