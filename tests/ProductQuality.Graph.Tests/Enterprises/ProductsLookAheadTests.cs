using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Enterprises;

/// <summary>
/// A page whose selection asks for its enterprises' products loads them with the page, in the statement the batch
/// would have sent: however the selection is written (edges or items, aliases, fragments), the page costs two
/// statements and each enterprise has its own products. A page that does not ask loads none.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ProductsLookAheadTests(GraphServerFactory factory)
{
    private const string Page = "enterprises(first: 30, filter: {countyCode: \"330402\"})";

    private readonly HttpClient _city = factory.ClientFor("samr-jiaxing");

    public static TheoryData<string, string> Spellings => new()
    {
        { "edges", $$"""{ {{Page}} { edges { node { creditCode products { code tier } } } } }""" },
        { "items", $$"""{ {{Page}} { items { creditCode products { code tier } } } }""" },
        { "aliases", $$"""{ p: {{Page}} { e: edges { n: node { creditCode made: products { code tier } } } } }""" },
        {
            "fragments", $$"""
            { {{Page}} { ... on EnterpriseConnection { edges { node { ...E } } } } }
            fragment E on Enterprise { creditCode ... { products { code tier } } }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task A_page_with_products_costs_two_statements_and_each_enterprise_has_its_own(
        string how, string query)
    {
        await _city.PostAsync(query); // the document and EF's query caches
        factory.Sql.Reset();
        var data = (await _city.PostAsync(query)).EnsureData().Data;
        Assert.True(2 == factory.Sql.Count, $"{how}: {factory.Sql.Count} statements");

        var rows = Enterprises(data).ToList();
        Assert.NotEmpty(rows);
        foreach (var (code, products) in rows.Take(5))
        {
            var alone = (await _city.PostAsync(
                    "query($code: String!) { enterprise(creditCode: $code) { products { code tier } } }",
                    new { code })).EnsureData().Data.GetProperty("enterprise").GetProperty("products");
            Assert.Equal(alone.GetRawText(), products.GetRawText());
        }
    }

    [Fact]
    public async Task A_page_without_products_loads_none()
    {
        var query = $$"""{ {{Page}} { edges { node { creditCode name } } } }""";
        await _city.PostAsync(query);
        factory.Sql.Reset();
        (await _city.PostAsync(query)).EnsureData();
        Assert.Equal(1, factory.Sql.Count);
    }

    // The enterprises of a reply, whichever of the spellings above it came in.
    private static IEnumerable<(string Code, JsonElement Products)> Enterprises(JsonElement data)
    {
        var connection = data.EnumerateObject().Single().Value;
        var nodes = connection.TryGetProperty("items", out var items)
            ? items.EnumerateArray()
            : connection.EnumerateObject().Single(p => p.Name is "edges" or "e").Value.EnumerateArray()
                .Select(edge => edge.EnumerateObject().Single().Value);
        foreach (var node in nodes)
        {
            var products = node.TryGetProperty("products", out var p) ? p : node.GetProperty("made");
            yield return (node.GetProperty("creditCode").GetString()!, products);
        }
    }
}
