using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Timeline;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Timeline;

/// <summary>
/// Listing and removal over time (黑名单): the rule lists on the day a trigger appears and removes on the first day
/// the rectification period allows; the regulator's own decisions take effect on their dates and are facts, not
/// derived events.
/// </summary>
public class BlacklistTimelineTests
{
    private static Story RepeatFailure() => new Story().Failed("2024-02-01", "2024-02-05").Failed("2024-06-01");

    [Fact]
    public void A_repeat_failure_after_a_rectification_order_lists_and_two_quiet_years_remove()
    {
        var result = RepeatFailure().Replay("2026-06-30");
        Assert.Equal(
            [
                (BlacklistEventKind.Listed, D("2024-06-01"), BlacklistReason.RepeatFailure),
                (BlacklistEventKind.Removed, D("2026-06-01"), BlacklistReason.RepeatFailure),
            ],
            result.Listings.Select(l => (l.Kind, l.OccurredOn, l.ReasonCategory)));
        // Each part tagged with the facts it states: the failed sampling is an inspection, the rest blacklist facts.
        Assert.Equal(
            [
                ("列入黑名单 Listed", FactGroup.BlacklistStatus),
                ("repeat failure (屡查屡犯) within 2 years of the rectification order (责令整改) of 2024-02-05",
                    FactGroup.BlacklistDetail),
                ("failed sampling (抽查不合格) of product P1 on 2024-06-01", FactGroup.Inspections),
            ],
            result.Listings[0].Reason.Select(p => (p.Text, Assert.Single(p.Groups))));
    }

    [Theory]
    [InlineData("2024-05-31", false, null, FourColor.Blue)]
    [InlineData("2024-06-01", true, "2024-06-01", FourColor.Red)]
    [InlineData("2026-05-31", true, "2024-06-01", FourColor.Red)]
    [InlineData("2026-06-01", false, null, FourColor.Yellow)]
    public void Listed_from_the_listing_through_the_day_before_removal(
        string today, bool listed, string? since, FourColor mapColour)
    {
        var state = RepeatFailure().Replay(today).StateOn(D(today));
        Assert.Equal((listed, since is null ? (DateOnly?)null : D(since), mapColour),
            (state.IsBlacklisted, state.BlacklistedSince, state.MapColour));
    }

    [Fact]
    public void A_serious_violation_lists_on_its_decision_date()
    {
        var result = new Story().Sampled("2024-02-01").Decided("2024-05-01", EnforcementKind.Counterfeiting)
            .Replay("2026-06-30");
        Assert.Equal(
            [(BlacklistEventKind.Listed, D("2024-05-01")), (BlacklistEventKind.Removed, D("2026-05-01"))],
            result.Listings.Select(l => (l.Kind, l.OccurredOn)));
        Assert.Equal(BlacklistReason.Counterfeiting, result.Listings[0].ReasonCategory);
    }

    [Fact]
    public void A_penalty_lists_no_one()
    {
        var result = new Story().Sampled("2024-02-01").Decided("2024-05-01", EnforcementKind.Penalty)
            .Replay("2026-06-30");
        Assert.Empty(result.Listings);
    }

    [Theory]
    [InlineData("2024-12-31", false)]
    [InlineData("2025-01-01", true)]
    [InlineData("2025-05-31", true)]
    [InlineData("2025-06-01", false)]
    public void Decided_listings_take_effect_on_their_dates_and_are_not_derived_again(string today, bool listed)
    {
        var result = new Story().Sampled("2024-02-01")
            .Listing("2025-01-01", BlacklistEventKind.Listed).Listing("2025-06-01", BlacklistEventKind.Removed)
            .Replay(today);
        Assert.Equal(listed, result.StateOn(D(today)).IsBlacklisted);
        Assert.Empty(result.Listings);
    }

    [Fact]
    public void A_decided_listing_is_stated_with_its_number_as_a_detail()
    {
        var record = new Story().Sampled("2024-02-01").Listing("2025-01-01", BlacklistEventKind.Listed)
            .Replay("2026-06-30").Records.Single(r => r.EffectiveFrom == D("2025-01-01"));
        Assert.Contains(record.Reason,
            p => p.Text == "listed on the blacklist (列入黑名单)" && p.Groups.SequenceEqual([FactGroup.BlacklistStatus]));
        Assert.Contains(record.Reason,
            p => p.Text == "by decision L-2025-01-01 (决定列入黑名单)" && p.Groups.SequenceEqual([FactGroup.BlacklistDetail]));
    }
}
