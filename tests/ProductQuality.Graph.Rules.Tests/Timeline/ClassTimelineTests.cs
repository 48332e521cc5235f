using System.Globalization;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Timeline;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Timeline;

/// <summary>
/// The class over time: downgrades at once, an upgrade waits (升降原则) and is deferred to the day the wait ends, a
/// sampling leaving its window changes the class with no new fact, and a late fact rewrites history from its date.
/// </summary>
public class ClassTimelineTests
{
    // A one-year sampling window keeps the stories short: two failures in spring 2024 make class C until they leave.
    private static readonly RulesOptions OneYear = Options(o => o.EnterpriseClass.SamplingWindowYears = 1);

    private static Story TwoFailures() => new Story().Failed("2024-02-01").Failed("2024-03-01").Sampled("2025-02-15");

    [Fact]
    public void Downgrades_at_once_and_upgrades_when_the_wait_is_over()
    {
        var result = TwoFailures().Replay("2026-06-30", OneYear);
        Assert.Equal(
            [
                ("2024-01-01", EnterpriseClass.B), ("2024-02-01", EnterpriseClass.B), ("2024-03-01", EnterpriseClass.C),
                ("2025-02-02", EnterpriseClass.C), ("2025-03-01", EnterpriseClass.B), ("2025-03-02", EnterpriseClass.A),
                ("2026-02-16", EnterpriseClass.B),
            ],
            result.Records.Select(r => (Iso(r.EffectiveFrom), r.Class)));
    }

    [Fact]
    public void An_upgrade_before_the_wait_is_over_is_deferred_to_the_day_it_ends()
    {
        var deferred = TwoFailures().Replay("2026-06-30", OneYear).Records
            .Single(r => r.EffectiveFrom == D("2025-02-02"));
        Assert.Contains("upgrade to B deferred until 2025-03-01", deferred.ClassExplanations[1].Summary,
            StringComparison.Ordinal);
        Assert.Contains(deferred.Reason, p => p.Text.Contains("upgrade deferred", StringComparison.Ordinal));
        Assert.Contains(deferred.Reason, p => p.Text == "sampling of 2024-02-01 left the 1-year window");
    }

    [Theory]
    [InlineData(12, "2025-03-01")]
    [InlineData(6, "2025-02-02")]
    public void The_upgrade_wait_is_configuration(int months, string upgradedToB)
    {
        var options = Options(o =>
        {
            o.EnterpriseClass.SamplingWindowYears = 1;
            o.EnterpriseClass.UpgradeWaitMonths = months;
        });
        var records = TwoFailures().Replay("2026-06-30", options).Records;
        var upgrade = records.First(r => r.EffectiveFrom > D("2024-03-01") && r.Class == EnterpriseClass.B);
        Assert.Equal(D(upgradedToB), upgrade.EffectiveFrom);
    }

    [Theory]
    [InlineData("2025-01-31", EnterpriseClass.C)]
    [InlineData("2025-03-01", EnterpriseClass.B)]
    [InlineData("2025-03-02", EnterpriseClass.A)]
    public void The_replay_stops_at_today(string today, EnterpriseClass now)
    {
        var result = TwoFailures().Replay(today, OneYear);
        Assert.Equal(now, result.StateOn(D(today)).Class);
        Assert.All(result.Records, r => Assert.True(r.EffectiveFrom <= D(today)));
    }

    [Fact]
    public void A_late_fact_changes_history_from_its_date_only()
    {
        var before = new Story().Sampled("2024-02-01").Sampled("2024-06-01").Replay("2026-06-30");
        var after = new Story().Sampled("2024-02-01").Sampled("2024-06-01").Failed("2024-04-01").Replay("2026-06-30");

        var late = D("2024-04-01");
        Assert.Equal(
            before.Records.Where(r => r.EffectiveFrom < late), after.Records.Where(r => r.EffectiveFrom < late),
            new RecordComparer());
        var changed = after.Records.Single(r => r.EffectiveFrom == late);
        Assert.Equal(EnterpriseClass.B, changed.Class);
        Assert.Contains(changed.Reason, p => p.Text == "监督抽查 sampling of P1 failed (不合格)");
        Assert.Equal(EnterpriseClass.B, after.StateOn(D("2026-06-30")).Class);
        Assert.Equal(EnterpriseClass.A, before.StateOn(D("2026-06-30")).Class);
    }

    [Fact]
    public void Replaying_the_same_facts_gives_the_same_timeline()
    {
        var first = TwoFailures().Replay("2026-06-30", OneYear);
        var second = TwoFailures().Replay("2026-06-30", OneYear);
        Assert.Equal(first.Records, second.Records, new RecordComparer());
        Assert.Equal(first.Snapshots, second.Snapshots);
        Assert.Equal(first.StateOn(D("2026-06-30")), second.StateOn(D("2026-06-30")));
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
