using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Changes;

/// <summary>
/// A product's tier event says why as the tier history does: "re-graded after a new fact" only to the reader of every
/// fact a tier counts. To readers without inspections and to county bureaus it dated the product's new facts, its one
/// maker's samplings among them (the access probe; the feed's copy of the tier history's reason).
/// </summary>
[Collection(ChangeFeedServerCollection.Name)]
public sealed class TierReasonFeedTests(ChangeFeedServerFactory factory)
{
    [Fact]
    public async Task Only_the_city_regulator_reads_that_a_fact_arrived()
    {
        var start = await Feed.EndAsync(factory.ClientFor("samr-jiaxing"));
        var product = await factory.GeneralProductAsync(5);
        await factory.OverrideTierAsync(product, "HIGH");

        Assert.Equal([ProductRegrading.FactReason], await ReasonsAsync("samr-jiaxing", start, product));
        foreach (var department in new[] { "sci-tech", "finance", "drc", "industry-access", "samr-330402" })
        {
            Assert.Equal([TierReasons.Neutral], await ReasonsAsync(department, start, product));
        }
    }

    private async Task<List<string>> ReasonsAsync(string department, string? after, string product) =>
        (await Feed.ReadAllAsync(factory.ClientFor(department), after, 500, Feed.FullPage, ["PRODUCT_TIER"]))
        .Where(e => e.GetProperty("productCode").GetString() == product)
        .Select(e => e.GetProperty("reason").GetString()!).ToList();
}
