using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Enterprises;

/// <summary>
/// A page (or one enterprise) whose selection asks for products or inspections loads them with the enterprises, in
/// the statements the batches would have sent: however the selection is written (edges or items, aliases, fragments,
/// limits as literals, variables or left out), the request costs one statement per kind of row and each enterprise
/// has its own rows, as <c>enterprise(creditCode:)</c> gives them. A page that does not ask loads none.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class EnterpriseLookAheadTests(GraphServerFactory factory)
{
    private const string Page = "enterprises(first: 30, filter: {countyCode: \"330402\"})";
    private const string SmallPage = "enterprises(first: 12, filter: {countyCode: \"330402\"})";
    private const string Inspection = "reportNumber sampledOn passed failedItems { name safetyItem }";

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

    public static TheoryData<string, string, int, int[]> InspectionSpellings => new()
    {
        {
            "edges, limit 1",
            $$"""{ {{SmallPage}} { edges { node { creditCode inspections(limit: 1) { {{Inspection}} } } } } }""", 2, [1]
        },
        {
            "items, no limit",
            $$"""{ {{SmallPage}} { items { creditCode inspections { {{Inspection}} } } } }""", 2, [20]
        },
        {
            "the largest limit",
            $$"""{ enterprises(first: 3) { items { creditCode inspections(limit: 200) { {{Inspection}} } } } }""",
            2, [200]
        },
        {
            "two limits under aliases", $$"""
            { {{SmallPage}} { items { creditCode latest: inspections(limit: 1) { {{Inspection}} }
              recent: inspections(limit: 3) { {{Inspection}} } } } }
            """, 3, [1, 3]
        },
        {
            "a variable, a fragment, and products", $$"""
            query($n: Int) { {{SmallPage}} { edges { node { ...E } } } }
            fragment E on Enterprise { creditCode products { code } ... { inspections(limit: $n) { {{Inspection}} } } }
            """, 3, [2]
        },
    };

    [Fact]
    public async Task One_field_written_twice_is_loaded_once_in_the_shape_both_copies_need()
    {
        // GraphQL merges the copies into one field reading whole rows; a summary load for the first would go unread.
        var query = $$"""
            { {{SmallPage}} { items { creditCode
              inspections(limit: 2) { reportNumber } inspections(limit: 2) { lab } } } }
            """;
        await _city.PostAsync(query);
        factory.Sql.Reset();
        var data = (await _city.PostAsync(query)).EnsureData().Data;
        Assert.True(2 == factory.Sql.Count, $"{factory.Sql.Count} statements");
        Assert.Contains(Nodes(data), n => n.GetProperty("inspections").GetArrayLength() > 0);
    }

    [Theory]
    [MemberData(nameof(InspectionSpellings))]
    public async Task A_page_with_inspections_costs_a_statement_per_limit_and_each_enterprise_has_its_own(
        string how, string query, int statements, int[] limits)
    {
        var variables = new { n = 2 };
        await _city.PostAsync(query, variables);
        factory.Sql.Reset();
        var data = (await _city.PostAsync(query, variables)).EnsureData().Data;
        Assert.True(statements == factory.Sql.Count, $"{how}: {factory.Sql.Count} statements");

        var nodes = Nodes(data).ToList();
        Assert.NotEmpty(nodes);
        var lists = nodes.SelectMany(n => n.EnumerateObject()).Where(p => p.Value.ValueKind == JsonValueKind.Array
            && p.Name != "products").ToList();
        Assert.Equal(nodes.Count * limits.Length, lists.Count);
        Assert.Contains(lists, l => l.Value.GetArrayLength() > 1 || limits.Contains(1));
        foreach (var node in nodes)
        {
            var code = node.GetProperty("creditCode").GetString()!;
            var fields = node.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array
                && p.Name != "products").ToList();
            for (var i = 0; i < limits.Length; i++)
            {
                var alone = (await _city.PostAsync(Batched("$code: String!, $limit: Int", "creditCode: $code",
                        $"inspections(limit: $limit) {{ {Inspection} }}"), new { code, limit = limits[i] }))
                    .EnsureData().Data.GetProperty("enterprise").GetProperty("inspections");
                Assert.Equal(alone.GetRawText(), fields[i].Value.GetRawText());
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2025-06-30")]
    public async Task One_enterprise_with_products_and_inspections_costs_three_statements_and_answers_as_batched(
        string? asOf)
    {
        // One with several inspections, so a list cut or out of order would show.
        var page = await _city.PostAsync(
            $$"""{ {{Page}} { items { creditCode inspections(limit: 3) { passed } } } }""");
        var code = Nodes(page.EnsureData().Data).First(n => n.GetProperty("inspections").GetArrayLength() > 1)
            .GetProperty("creditCode").GetString()!;
        var query = $$"""
            query($code: String!, $asOf: Date) {
              enterprise(creditCode: $code, asOf: $asOf) {
                products { code tier } inspections(limit: 3) { {{Inspection}} } } }
            """;
        var variables = new { code, asOf };
        await _city.PostAsync(query, variables);
        factory.Sql.Reset();
        var status = (await _city.PostAsync(query, variables)).EnsureData().Data.GetProperty("enterprise");
        if (asOf is null)
        {
            Assert.Equal(3, factory.Sql.Count);
        }

        var batched = (await _city.PostAsync(Batched("$code: String!, $asOf: Date", "creditCode: $code, asOf: $asOf",
                $"products {{ code tier }} inspections(limit: 3) {{ {Inspection} }}"), variables))
            .EnsureData().Data.GetProperty("enterprise");
        Assert.Equal(batched.GetRawText(), status.GetRawText());
        Assert.NotEqual(0, status.GetProperty("products").GetArrayLength());
    }

    [Fact]
    public async Task One_enterprise_loads_its_products_and_inspections_with_it_before_any_batch_below()
    {
        // licences is asked first and is batched as usual; products and inspections, loaded by the root field, are
        // read before it. Batched instead, the three would be read in the order the fields are written.
        const string query = """
            query($code: String!) { enterprise(creditCode: $code) {
              licences { kind } products { code } inspections(limit: 2) { passed } } }
            """;
        var code = (await _city.PostAsync($$"""{ {{SmallPage}} { items { creditCode } } }""")).EnsureData().Data
            .GetProperty("enterprises").GetProperty("items")[0].GetProperty("creditCode").GetString()!;
        (await _city.PostAsync(query, new { code })).EnsureData();
        factory.Sql.Reset();
        var status = (await _city.PostAsync(query, new { code })).EnsureData().Data.GetProperty("enterprise");

        Assert.Equal(JsonValueKind.Object, status.ValueKind);
        Assert.Equal(["enterprise", "products", "inspections", "licences"], factory.Sql.Texts.Select(Rows));

        // What a statement reads, by the table that tells it (the inspections' statement starts from Enterprises).
        static string Rows(string sql) =>
            sql.Contains("\"Licences\"", StringComparison.Ordinal) ? "licences"
            : sql.Contains("\"Inspections\"", StringComparison.Ordinal) ? "inspections"
            : sql.Contains("\"EnterpriseProducts\"", StringComparison.Ordinal) ? "products"
            : sql.Contains("\"Enterprises\"", StringComparison.Ordinal) ? "enterprise"
            : sql;
    }

    // One enterprise's fields asked through fragments nested past the look-ahead's depth, so they are not loaded
    // ahead but batched: the answer the look-ahead must not change.
    private static string Batched(string variables, string arguments, string selection) =>
        $"query({variables}) {{ enterprise({arguments}) {{ ...F0 }} }} "
        + string.Concat(Enumerable.Range(0, 9).Select(i => $"fragment F{i} on Enterprise {{ ...F{i + 1} }} "))
        + $"fragment F9 on Enterprise {{ {selection} }}";

    private static IEnumerable<JsonElement> Nodes(JsonElement data)
    {
        var connection = data.EnumerateObject().Single().Value;
        return connection.TryGetProperty("items", out var items)
            ? items.EnumerateArray()
            : connection.GetProperty("edges").EnumerateArray().Select(edge => edge.GetProperty("node"));
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
