using System.Text.Json;
using GraphQLParser;
using GraphQLParser.AST;
using ProductQuality.Graph.Inspections;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Enterprises;

/// <summary>
/// A selection of summary fields loads only the summary columns of inspections (<see cref="InspectionShape"/>). Over
/// every enterprise of the data set, its newest inspections read as a summary answer exactly what the same fields read
/// from whole rows answer (a fragment loads whole rows); a selection that also asks another field gets real values.
/// </summary>
public abstract class InspectionSummaryTests(TestServerFactory factory)
{
    private const string Summary = "reportNumber sampledOn passed failedItems { name safetyItem }";

    private readonly HttpClient _city = factory.ClientFor("samr-jiaxing");

    [ProviderFact]
    public async Task Every_enterprises_newest_inspections_read_the_same_as_a_summary_and_as_whole_rows()
    {
        var pages = 0;
        var inspections = 0;
        var failed = 0;
        string? after = null;
        do
        {
            var summary = await PageAsync($"inspections(limit: 5) {{ {Summary} }}", after);
            var whole = await PageAsync($"inspections(limit: 5) {{ ... on Inspection {{ {Summary} }} }}", after);
            Assert.Equal(whole.GetRawText(), summary.GetRawText());

            var rows = InspectionsOf(summary);
            inspections += rows.Count;
            failed += rows.Count(row => !row.GetProperty("passed").GetBoolean());

            pages++;
            var info = summary.GetProperty("pageInfo");
            after = info.GetProperty("hasNextPage").GetBoolean() ? info.GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        // The data set, not an empty page: thousands of inspections, failed ones among them.
        Assert.True(inspections > 1_000, $"{inspections} inspections over {pages} pages");
        Assert.True(failed > 10, $"{failed} failed inspections");
    }

    [ProviderFact]
    public async Task A_selection_beyond_the_summary_reads_whole_rows()
    {
        var page = await PageAsync("inspections(limit: 3) { reportNumber lab batch specModel product { code } }", null);

        var rows = InspectionsOf(page);
        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            Assert.NotEqual("", row.GetProperty("lab").GetString());
            Assert.NotEqual("", row.GetProperty("batch").GetString());
            Assert.NotEqual("", row.GetProperty("specModel").GetString());
            Assert.NotEqual("", row.GetProperty("product").GetProperty("code").GetString());
        });
    }

    [ProviderFact]
    public async Task A_field_written_twice_reads_whole_rows_when_either_asks_beyond_the_summary()
    {
        // GraphQL merges the two into one field whose selection has both; the look-ahead sees them apart.
        var page = await PageAsync("inspections(limit: 2) { reportNumber } inspections(limit: 2) { lab }", null);

        var rows = InspectionsOf(page);
        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            Assert.NotEqual("", row.GetProperty("reportNumber").GetString());
            Assert.NotEqual("", row.GetProperty("lab").GetString());
        });
    }

    // Every enterprise's inspections on the page, in page order.
    private static List<JsonElement> InspectionsOf(JsonElement page) => page.GetProperty("edges").EnumerateArray()
        .SelectMany(e => e.GetProperty("node").GetProperty("inspections").EnumerateArray()).ToList();

    private async Task<JsonElement> PageAsync(string inspections, string? after)
    {
        var reply = await _city.PostAsync($$"""
            query($after: String) { enterprises(first: 100, after: $after) {
              pageInfo { hasNextPage endCursor } edges { node { creditCode {{inspections}} } } } }
            """, new { after });
        return reply.EnsureData().Data.GetProperty("enterprises");
    }
}

[Collection(ServerCollection.Name)]
public sealed class InspectionSummaryOnSqliteTests(GraphServerFactory factory) : InspectionSummaryTests(factory);

/// <summary>The same on PostgreSQL, where the newest are numbered by a window (skipped locally without
/// PQG_TEST_POSTGRES; always run in CI).</summary>
[OnPostgres]
[Collection(ServerCollection.Name)]
public sealed class InspectionSummaryOnPostgresTests(PostgresServerFactory factory) : InspectionSummaryTests(factory);

/// <summary>Which selections of an <c>inspections</c> field are read as a summary.</summary>
public sealed class InspectionShapeTests
{
    [Theory]
    [InlineData("{ reportNumber }", InspectionShape.Summary)]
    [InlineData("{ reportNumber sampledOn passed failedItems { name safetyItem } __typename }",
        InspectionShape.Summary)]
    [InlineData("{ reportNumber lab }", InspectionShape.Full)]
    [InlineData("{ product { code } }", InspectionShape.Full)]
    [InlineData("{ ... on Inspection { reportNumber } }", InspectionShape.Full)]
    [InlineData("{ ...I }", InspectionShape.Full)]
    public void A_selection_is_a_summary_only_when_it_is_plain_summary_fields(string selection, InspectionShape shape)
    {
        var document = Parser.Parse($"{{ enterprise(creditCode: \"x\") {{ inspections {selection} }} }}");
        var enterprise = (GraphQLField)((GraphQLOperationDefinition)document.Definitions[0]).SelectionSet.Selections[0];
        var inspections = (GraphQLField)enterprise.SelectionSet!.Selections[0];

        Assert.Equal(shape, InspectionShapes.Of(inspections));
    }
}
