using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Timeline;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Timeline;

/// <summary>The one definition of what is in force on a day, at, before and after each boundary.</summary>
public class InForceTests
{
    private sealed record Entry(DateOnly From, string Value, bool Withdraws = false, string ExpiresOn = "2099-12-31");

    private static readonly Entry[] Statuses =
    [
        new(D("2025-01-01"), "first"),
        new(D("2025-03-01"), "second"),
        new(D("2025-03-01"), "second, recorded later"),
        new(D("2025-06-01"), "third"),
    ];

    [Theory]
    [InlineData("2024-12-31", null)]
    [InlineData("2025-01-01", "first")]
    [InlineData("2025-02-28", "first")]
    [InlineData("2025-03-01", "second, recorded later")]
    [InlineData("2025-05-31", "second, recorded later")]
    [InlineData("2025-06-01", "third")]
    [InlineData("2030-01-01", "third")]
    public void Latest_is_the_newest_effective_by_the_day_and_the_later_recorded_of_a_date(
        string day, string? expected) =>
        Assert.Equal(expected, InForce.Latest(Statuses, e => e.From, D(day))?.Value);

    [Theory]
    [InlineData("2024-12-31", "first")]
    [InlineData("2025-01-01", "first")]
    [InlineData("2025-06-01", "third")]
    public void A_status_before_its_first_entry_is_the_first(string day, string expected) =>
        Assert.Equal(expected, InForce.LatestOrFirst(Statuses, e => e.From, D(day))?.Value);

    [Fact]
    public void No_status_is_in_force_without_entries() =>
        Assert.Null(InForce.LatestOrFirst(Array.Empty<Entry>(), e => e.From, D("2025-01-01")));

    [Theory]
    [InlineData("2025-02-28", null, "2025-06-30", true)]
    [InlineData("2025-06-30", null, "2025-06-30", true)]
    [InlineData("2025-07-01", null, "2025-06-30", false)]
    [InlineData("2025-02-28", "2025-03-01", "2025-06-30", false)]
    [InlineData("2025-03-01", "2025-03-01", "2025-06-30", true)]
    [InlineData("2025-06-30", "2025-03-01", "2025-06-30", true)]
    [InlineData("2025-07-01", "2025-03-01", "2025-06-30", false)]
    public void A_period_holds_from_its_first_through_its_last_day(string day, string? first, string last, bool within)
    {
        Assert.Equal(within, InForce.Within(D(day), first is null ? null : D(first), D(last)));
        if (first is not null)
        {
            Assert.Equal(within, new AssuredGrant(D(first), D(last)).IsActiveOn(D(day)));
        }
        else
        {
            Assert.Equal(within, new Override<EnterpriseClass>(EnterpriseClass.C, "r", D(last)).IsActiveOn(D(day)));
        }
    }

    [Fact]
    public void A_period_ends_the_day_after_its_last_day() =>
        Assert.Equal(D("2025-07-01"), InForce.EndsAfter(D("2025-06-30")));

    private static readonly Entry[] Overrides =
    [
        new(D("2025-01-01"), "C until June", ExpiresOn: "2025-06-30"),
        new(D("2025-09-01"), "B until December", ExpiresOn: "2025-12-31"),
        new(D("2025-10-01"), "withdrawn", Withdraws: true),
    ];

    [Theory]
    [InlineData("2024-12-31", null, null)]
    [InlineData("2025-01-01", "C until June", "C until June")]
    [InlineData("2025-06-30", "C until June", "C until June")]
    [InlineData("2025-07-01", "C until June", null)]
    [InlineData("2025-08-31", "C until June", null)]
    [InlineData("2025-09-01", "B until December", "B until December")]
    [InlineData("2025-09-30", "B until December", "B until December")]
    [InlineData("2025-10-01", null, null)]
    [InlineData("2026-01-01", null, null)]
    public void An_override_is_decided_until_replaced_and_in_force_until_it_expires(
        string day, string? decided, string? inForce)
    {
        Assert.Equal(decided, InForce.Decided(Overrides, o => o.From, o => o.Withdraws, D(day))?.Value);
        var active = InForce.Override(Overrides, o => o.From, o => o.Withdraws, o => D(o.ExpiresOn), D(day));
        Assert.Equal(inForce, active?.Value);
    }
}
