using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Timeline;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Timeline;

/// <summary>
/// The assured consumption unit (放心消费单位) over time: a grant runs its validity and is renewed the day after if
/// the conditions still hold, expires that day if not, and is revoked at once by a downgrade below A.
/// </summary>
public class AssuredTimelineTests
{
    // Three passing samplings make the enterprise AA on 2024-04-01, which grants the title for twelve months.
    private static Story ClassAA() => new Story().Sampled("2024-02-01").Sampled("2024-03-01").Sampled("2024-04-01");

    [Fact]
    public void A_grant_is_renewed_the_day_after_it_runs_out_while_the_conditions_hold()
    {
        var result = ClassAA().Replay("2026-06-30");
        Assert.Equal(
            [
                (AssuredEventKind.Granted, D("2024-04-01"), (DateOnly?)D("2025-03-31")),
                (AssuredEventKind.Granted, D("2025-04-01"), D("2026-03-31")),
                (AssuredEventKind.Granted, D("2026-04-01"), D("2027-03-31")),
            ],
            result.Assured.Select(a => (a.Kind, a.OccurredOn, a.ValidUntil)));
        Assert.DoesNotContain(result.Assured[0].Reason, p => p.Text == "续期 renewed");
        Assert.Equal("续期 renewed", result.Assured[1].Reason[0].Text);
        Assert.Equal([FactGroup.Assured], result.Assured[1].Reason[0].Groups);
    }

    [Fact]
    public void A_grant_whose_conditions_lapsed_expires_the_day_after_its_last_day()
    {
        var result = ClassAA().Complaint("2025-02-01").Replay("2026-06-30");
        Assert.Equal(
            [
                (AssuredEventKind.Granted, D("2024-04-01")),
                (AssuredEventKind.Expired, D("2025-04-01")),
                (AssuredEventKind.Granted, D("2026-02-01")),
            ],
            result.Assured.Select(a => (a.Kind, a.OccurredOn)));
        Assert.Equal("期满 expired, not renewed", result.Assured[1].Reason[0].Text);
        Assert.Null(result.Assured[1].ValidUntil);
    }

    [Theory]
    [InlineData("2025-03-31", true, "2025-03-31")]
    [InlineData("2025-04-01", false, null)]
    public void Assured_through_the_last_day_of_the_grant(string today, bool assured, string? until)
    {
        var state = ClassAA().Complaint("2025-02-01").Replay(today).StateOn(D(today));
        Assert.Equal((assured, until is null ? (DateOnly?)null : D(until)), (state.IsAssured, state.AssuredUntil));
    }

    [Fact]
    public void A_downgrade_below_A_revokes_at_once()
    {
        var result = ClassAA().Failed("2024-09-01").Replay("2026-06-30");
        Assert.Equal(
            [(AssuredEventKind.Granted, D("2024-04-01")), (AssuredEventKind.Revoked, D("2024-09-01"))],
            result.Assured.Select(a => (a.Kind, a.OccurredOn)));
        Assert.False(result.StateOn(D("2026-06-30")).IsAssured);
    }

    [Fact]
    public void The_tracker_asks_to_look_again_the_day_after_a_grant_ends()
    {
        var tracker = new AssuredTracker();
        var explanation = new Explanation("r", "granted", "granted", [], "v");
        var granted = new AssuredConsumptionResult(AssuredStatus.Granted, true, D("2025-03-31"), [], explanation);
        Assert.Equal(D("2025-04-01"), tracker.Update(D("2024-04-01"), granted));
        Assert.Equal(new AssuredGrant(D("2024-04-01"), D("2025-03-31")), tracker.Grant);
    }
}
