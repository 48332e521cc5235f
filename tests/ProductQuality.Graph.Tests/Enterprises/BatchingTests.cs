using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Enterprises;

/// <summary>No N+1: nested lists of a page load in a constant number of SQL statements.</summary>
[Collection(ServerCollection.Name)]
public sealed class BatchingTests(GraphServerFactory factory)
{
    private readonly HttpClient _client = factory.ClientFor("samr-jiaxing");

    [Fact]
    public async Task A_page_of_100_enterprises_with_products_and_inspections_costs_a_constant_number_of_statements()
    {
        const string query = """
            { enterprises(first: 100) { totalCount edges { node {
                name county { name } town { name }
                products { code name category { name } }
                licences { number }
                inspections(limit: 3) { sampledOn passed product { code } failedItems { name } }
                classHistory { class }
            } } } }
            """;
        await _client.PostAsync(query); // warm the document cache and EF's query cache
        factory.Sql.Reset();
        (await _client.PostAsync(query)).EnsureData();

        // page + count, regions, products + categories, licences, inspections (+ failed items split query), class
        // history.
        Assert.InRange(factory.Sql.Count, 1, 12);
    }
}
