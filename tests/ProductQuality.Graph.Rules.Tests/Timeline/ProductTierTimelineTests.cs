using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Rules.Timeline;
using static ProductQuality.Graph.Rules.Tests.Given;

namespace ProductQuality.Graph.Rules.Tests.Timeline;

/// <summary>A product's tier on a day: an override in force, else the latest grading (the first before it).</summary>
public class ProductTierTimelineTests
{
    private static ProductTierTimeline Timeline()
    {
        var t = new ProductTierTimeline();
        t.Add("P1", D("2024-01-01"), ProductTier.Elevated);
        t.Add("P1", D("2025-01-01"), ProductTier.General);
        t.AddOverride("P1", D("2025-03-01"), ProductTier.High, D("2025-06-30"));
        t.AddOverride("P1", D("2025-09-01"), ProductTier.High, D("2025-12-31"));
        t.AddOverride("P1", D("2025-10-01"), null, D("2025-10-01"));
        return t;
    }

    [Theory]
    [InlineData("2023-06-30", ProductTier.Elevated)]
    [InlineData("2024-12-31", ProductTier.Elevated)]
    [InlineData("2025-01-01", ProductTier.General)]
    [InlineData("2025-03-01", ProductTier.High)]
    [InlineData("2025-06-30", ProductTier.High)]
    [InlineData("2025-07-01", ProductTier.General)]
    [InlineData("2025-09-30", ProductTier.High)]
    [InlineData("2025-10-01", ProductTier.General)]
    public void Tier_on_a_day(string day, ProductTier tier) => Assert.Equal(tier, Timeline().TierOn("P1", D(day)));

    [Fact]
    public void A_product_never_graded_is_general() =>
        Assert.Equal(ProductTier.General, Timeline().TierOn("P2", D("2025-03-01")));

    [Fact]
    public void Gradings_added_out_of_order_are_kept_in_date_order()
    {
        var t = new ProductTierTimeline();
        t.Add("P1", D("2025-01-01"), ProductTier.High);
        t.Add("P1", D("2024-01-01"), ProductTier.General);
        Assert.Equal(ProductTier.General, t.TierOn("P1", D("2024-06-30")));
        Assert.Equal(ProductTier.High, t.TierOn("P1", D("2025-06-30")));
    }
}
