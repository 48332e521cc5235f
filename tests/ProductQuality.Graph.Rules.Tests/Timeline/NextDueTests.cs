using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Timeline;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Timeline;

/// <summary>
/// The next due day (<see cref="ReplayResult.NextDue"/>): the first day after today on which the replay differs with
/// no new fact. Each story is asked the day before a boundary (it names the boundary), on the boundary (it names the
/// next one) and after it; and on the boundary the state or a history really moves, while the day before nothing does.
/// </summary>
public class NextDueTests
{
    private static readonly RulesOptions OneYear = Options(o => o.EnterpriseClass.SamplingWindowYears = 1);

    // Two failures in spring 2024 (one-year window): C; the first leaves on 2025-02-02, the upgrade to B waits
    // until 2025-03-01, the second failure leaves on 2025-03-02 (A), the last sampling on 2026-02-16 (B).
    private static Story TwoFailures() => new Story().Failed("2024-02-01").Failed("2024-03-01").Sampled("2025-02-15");

    [Theory]
    [InlineData("2025-01-15", "2025-02-02")]
    [InlineData("2025-02-01", "2025-02-02")] // a sampling leaves its window
    [InlineData("2025-02-02", "2025-02-15")] // a sampling dated ahead counts in the explanation from its day
    [InlineData("2025-02-15", "2025-03-01")] // the deferred upgrade falls due
    [InlineData("2025-02-28", "2025-03-01")]
    [InlineData("2025-03-01", "2025-03-02")]
    [InlineData("2025-03-02", "2025-03-03")] // the day after a change: "upgraded … on" reads "unchanged"
    [InlineData("2025-03-03", "2026-02-16")]
    [InlineData("2026-02-15", "2026-02-16")]
    [InlineData("2026-02-16", "2026-02-17")]
    [InlineData("2026-02-17", null)] // B with no sampling: nothing changes until a new fact
    public void Windows_and_the_deferred_upgrade(string today, string? due) =>
        AssertNextDue(TwoFailures(), today, due, OneYear);

    // Class C by override from 2025-01-01 through 2025-06-30; after it the upgrade waits 12 months from the override.
    private static Story Overridden() =>
        new Story().Sampled("2024-02-01").Override("2025-01-01", EnterpriseClass.C, "2025-06-30");

    [Theory]
    [InlineData("2024-12-31", "2025-01-01")] // an override dated ahead counts from its date
    [InlineData("2025-03-01", "2025-07-01")]
    [InlineData("2025-06-30", "2025-07-01")] // the override runs out
    [InlineData("2025-07-01", "2026-01-01")] // the upgrade wait after it ends
    [InlineData("2025-12-31", "2026-01-01")]
    [InlineData("2026-01-01", "2026-01-02")]
    [InlineData("2026-01-02", "2027-02-02")] // the only sampling leaves the three-year window: B
    public void An_override_runs_out_and_the_wait_after_it(string today, string? due) =>
        AssertNextDue(Overridden(), today, due);

    // AA on 2024-04-01, granted the title for 12 months, renewed each 1 April while the conditions hold.
    private static Story ClassAA() => new Story().Sampled("2024-02-01").Sampled("2024-03-01").Sampled("2024-04-01");

    [Theory]
    [InlineData("2025-03-31", "2025-04-01")] // renewal
    [InlineData("2025-04-01", "2026-04-01")]
    [InlineData("2026-03-31", "2026-04-01")]
    [InlineData("2026-04-01", "2027-02-02")] // a sampling leaves: AA becomes A
    public void An_assured_title_is_renewed_the_day_after_its_last_day(string today, string? due) =>
        AssertNextDue(ClassAA(), today, due);

    [Theory]
    [InlineData("2025-03-31", "2025-04-01")] // the grant expires (a complaint in its last year)
    [InlineData("2025-04-01", "2026-02-01")] // the complaint leaves its year: granted again
    [InlineData("2026-01-31", "2026-02-01")]
    public void An_assured_title_expires_and_is_granted_again_when_a_complaint_leaves_its_year(
        string today, string? due) =>
        AssertNextDue(ClassAA().Complaint("2025-02-01"), today, due);

    // Class A from 2024-02-01 with fewer samplings than AA needs: three years at A or better on 2027-02-01.
    private static Story ClassA() => new Story().Sampled("2024-02-01").Sampled("2026-01-10");

    [Theory]
    [InlineData("2026-06-30", "2027-02-01")]
    [InlineData("2027-01-31", "2027-02-01")] // three years at class A: the title may be granted
    [InlineData("2027-02-01", "2027-02-02")] // the first sampling leaves: still A, one sampling fewer explained
    [InlineData("2027-02-02", "2028-02-01")] // the renewal
    public void Three_years_at_class_A_grant_the_title_on_the_day_they_are_reached(string today, string? due) =>
        AssertNextDue(ClassA(), today, due);

    [Fact]
    public void The_grant_after_three_years_at_A_is_dated_the_same_whichever_day_the_replay_runs()
    {
        var onTheDay = ClassA().Replay("2027-02-01").Assured.Single();
        var later = ClassA().Replay("2027-03-15").Assured[0];
        Assert.Equal((AssuredEventKind.Granted, D("2027-02-01")), (onTheDay.Kind, onTheDay.OccurredOn));
        Assert.Equal((onTheDay.Kind, onTheDay.OccurredOn, onTheDay.ValidUntil),
            (later.Kind, later.OccurredOn, later.ValidUntil));
    }

    // Listed on 2024-06-01 for a repeat failure; removable after two years without a violation.
    private static Story RepeatFailure() => new Story().Failed("2024-02-01", "2024-02-05").Failed("2024-06-01");

    [Theory]
    [InlineData("2025-06-01", "2026-06-01")]
    [InlineData("2026-05-31", "2026-06-01")] // the listing becomes removable
    public void A_listing_becomes_removable(string today, string? due) =>
        AssertNextDue(RepeatFailure(), today, due);

    [Fact]
    public void On_the_removal_day_the_next_due_day_is_later()
    {
        var due = RepeatFailure().Replay("2026-06-01").NextDue;
        Assert.True(due > D("2026-06-01"), $"next due {due}");
    }

    // The product's tier is overridden to HIGH for the first half of 2025: the maker's map colour follows it.
    private static ProductTierTimeline HighForAWhile()
    {
        var tiers = new ProductTierTimeline();
        tiers.Add("P1", D("2024-01-01"), ProductTier.General);
        tiers.AddOverride("P1", D("2025-01-01"), ProductTier.High, D("2025-06-30"));
        return tiers;
    }

    [Theory]
    [InlineData("2024-12-31", "2025-01-01")]
    [InlineData("2025-01-01", "2025-07-01")]
    [InlineData("2025-06-30", "2025-07-01")] // the tier override runs out: the maker's colour moves back
    public void A_products_tier_override_moves_its_makers_colour(string today, string? due) =>
        AssertNextDue(new Story().Sampled("2024-02-01"), today, due, tiers: HighForAWhile());

    [Fact]
    public void A_tier_change_is_dated_on_the_tier_change_whichever_day_the_replay_runs()
    {
        var story = new Story().Sampled("2024-02-01");
        var tiers = new ProductTierTimeline();
        tiers.Add("P1", D("2024-01-01"), ProductTier.General);
        tiers.Add("P1", D("2025-05-05"), ProductTier.High);
        var colourChange = story.Replay("2025-09-01", tiers: tiers).Records[^1];
        Assert.Equal(D("2025-05-05"), colourChange.EffectiveFrom);
        Assert.Equal(colourChange.EffectiveFrom, story.Replay("2025-05-05", tiers: tiers).Records[^1].EffectiveFrom);
    }

    /// <summary>
    /// Asks the story on <paramref name="today"/> and checks the answer against replays on the days around it: the
    /// day named is the first on which a replay differs from today's, and every day before it agrees with today.
    /// </summary>
    private static void AssertNextDue(
        Story story, string today, string? due, RulesOptions? options = null, ProductTierTimeline? tiers = null)
    {
        var now = story.Replay(today, options, tiers);
        Assert.Equal(due is null ? null : D(due), now.NextDue);
        var end = due is null ? D(today).AddDays(400) : D(due).AddDays(-1);
        for (var day = D(today).AddDays(1); day <= end; day = day.AddDays(day < end.AddDays(-3) ? 7 : 1))
        {
            Assert.True(Same(now, story.Replay(Iso(day), options, tiers), day), $"changed on {Iso(day)}");
        }

        if (due is not null)
        {
            Assert.False(Same(now, story.Replay(due, options, tiers), D(due)), $"nothing changed on {due}");
        }
    }

    // Two replays agree when their histories are the same, the state each caches for its day is the same, and so are
    // the explanations each serves as its day's.
    private static bool Same(ReplayResult a, ReplayResult later, DateOnly day) =>
        a.StateOn(a.Final.AsOf) == later.StateOn(day) &&
        ExplanationEquality.Same(a.Final.ClassExplanations, later.Final.ClassExplanations) &&
        ExplanationEquality.Same(a.Final.QualityIndex.Explanation, later.Final.QualityIndex.Explanation) &&
        a.Records.Select(r => (r.EffectiveFrom, r.Class, r.HealthCode, r.MapColour, r.QualityIndex, r.IsOverride))
            .SequenceEqual(later.Records.Select(r =>
                (r.EffectiveFrom, r.Class, r.HealthCode, r.MapColour, r.QualityIndex, r.IsOverride))) &&
        a.Listings.Select(l => (l.Kind, l.OccurredOn))
            .SequenceEqual(later.Listings.Select(l => (l.Kind, l.OccurredOn))) &&
        a.Assured.Select(e => (e.Kind, e.OccurredOn, e.ValidUntil))
            .SequenceEqual(later.Assured.Select(e => (e.Kind, e.OccurredOn, e.ValidUntil)));

    private static string Iso(DateOnly d) =>
        d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
