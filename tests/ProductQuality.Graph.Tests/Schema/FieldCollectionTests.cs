using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Schema;

/// <summary>
/// The read strategy plans a plain selection's fields once per selection set and type; everything else (fragments,
/// @skip/@include, fields merged under one key) is collected by GraphQL.NET for every object. Whichever way a
/// partner writes the same selection, the answer is the same, and a directive's answer is never carried from one
/// request to the next.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class FieldCollectionTests(GraphServerFactory factory)
{
    private const string Page = "enterprises(first: 25, filter: {countyCode: \"330481\"})";

    private readonly HttpClient _city = factory.ClientFor("samr-jiaxing");

    public static TheoryData<string, string> SameSelectionWrittenOtherwise => new()
    {
        {
            "fragment spreads", $$"""
            { {{Page}} { edges { node { ...E } } } }
            fragment E on Enterprise { creditCode name class healthCode products { ...P } }
            fragment P on Product { code name tier }
            """
        },
        {
            "inline fragments", $$"""
            { {{Page}} { edges { node { ... on Enterprise { creditCode name class }
              ... { healthCode products { ... on Product { code name tier } } } } } } }
            """
        },
        {
            "directives that keep every field", $$"""
            query($yes: Boolean!, $no: Boolean!) { {{Page}} { edges { node {
              creditCode @include(if: $yes) name @skip(if: $no) class healthCode
              products @include(if: true) { code name @skip(if: false) tier } } } } }
            """
        },
        {
            "fields written twice and merged", $$"""
            { {{Page}} { edges { node {
              creditCode name class name healthCode products { code } products { name tier code } } } } }
            """
        },
    };

    [Theory]
    [MemberData(nameof(SameSelectionWrittenOtherwise))]
    public async Task A_selection_written_otherwise_answers_the_same(string how, string query)
    {
        var plain = await DataAsync(
            $$"""{ {{Page}} { edges { node { creditCode name class healthCode products { code name tier } } } } }""");

        // Twice each: the first request plans, the second reads the plan (or, for these, collects again).
        for (var i = 0; i < 2; i++)
        {
            Assert.True(plain == await DataAsync(query, new { yes = true, no = false }), how);
        }
    }

    [Fact]
    public async Task A_skipped_field_follows_each_requests_variables()
    {
        const string query = $$"""
            query($hide: Boolean!) { {{Page}} { edges { node { creditCode name @skip(if: $hide) } } } }
            """;

        foreach (var hide in new[] { false, true, false, true })
        {
            var data = await DataAsync(query, new { hide });
            Assert.Equal(!hide, data.Contains("\"name\"", StringComparison.Ordinal));
            Assert.Contains("\"creditCode\"", data, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_alias_is_its_own_response_key_in_a_planned_selection()
    {
        var data = await DataAsync($$"""
            { {{Page}} { edges { node { id: creditCode creditCode label: name products { tier level: tier } } } } }
            """);

        using var json = System.Text.Json.JsonDocument.Parse(data);
        var node = json.RootElement.GetProperty("enterprises").GetProperty("edges")[0].GetProperty("node");
        Assert.Equal(["id", "creditCode", "label", "products"], node.EnumerateObject().Select(p => p.Name));
        Assert.Equal(node.GetProperty("id").GetString(), node.GetProperty("creditCode").GetString());
        var product = node.GetProperty("products")[0];
        Assert.Equal(product.GetProperty("tier").GetString(), product.GetProperty("level").GetString());
    }

    private async Task<string> DataAsync(string query, object? variables = null) =>
        (await _city.PostAsync(query, variables)).EnsureData().Data.GetRawText();
}
