using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// The same request gives the same answer on SQLite and PostgreSQL: both servers seed the same deterministic data set
/// through their own migrations, and every query below is asked of both through real HTTP and compared verbatim.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ProviderParityTests(GraphServerFactory sqlite, PostgresServerFactory postgres)
{
    private readonly HttpClient _sqlite = sqlite.ClientFor("samr-jiaxing");
    private readonly HttpClient _postgres = postgres.ClientFor("samr-jiaxing");

    [PostgresFact]
    public async Task Seeded_data_set_is_the_same_enterprise_by_enterprise()
    {
        const string query = "{ enterprises(first: 500, orderBy: QUALITY_INDEX_HIGH_FIRST) { totalCount edges { node { "
            + "creditCode name class healthCode mapColour qualityIndex blacklisted assured county { code } town "
            + "{ code } } } } }";
        var reply = await SameAnswerAsync(query);
        Assert.Equal(TestServerFactory.Enterprises,
            reply.GetProperty("enterprises").GetProperty("totalCount").GetInt32());
    }

    [PostgresFact]
    public async Task Aggregates_per_class_colour_and_list_are_the_same()
    {
        await SameAnswerAsync("""
            { aa: enterprises(filter: { class: AA }) { totalCount } a: enterprises(filter: { class: A }) { totalCount }
              b: enterprises(filter: { class: B }) { totalCount } c: enterprises(filter: { class: C }) { totalCount }
              red: enterprises(filter: { mapColour: RED }) { totalCount }
              elevated: enterprises(filter: { productTier: ELEVATED }) { totalCount }
              category: enterprises(filter: { categoryCode: "C06" }) { totalCount }
              blacklist { totalCount } assuredUnits { totalCount } riskWarnings { totalCount }
              productCategories { code products { code tier } } }
            """);
    }

    [PostgresFact]
    public async Task Region_tree_colours_and_indices_are_the_same()
    {
        await SameAnswerAsync("""
            { city { code assessment { colour enterpriseCount classCCount blueCount classCSharePercent effectiveFrom }
                children { code name colour assessment { enterpriseCount classCSharePercent }
                  children { code colour } } }
              fourColorMap(level: TOWN, county: "330481") { code colour } }
            """);
    }

    [PostgresFact]
    public async Task Name_order_is_code_point_order_on_both()
    {
        // Chinese names: a linguistic collation would order by pinyin; the list is ordered the same everywhere.
        var names = (await SameAnswerAsync("{ enterprises(first: 500) { edges { node { name } } } }"))
            .GetProperty("enterprises").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal).ToList(), names);
    }

    [PostgresFact]
    public async Task Filtered_ordered_pages_walk_the_same_rows_on_both()
    {
        foreach (var order in new[] { "NAME_ASC", "CLASS_WORST_FIRST", "QUALITY_INDEX_LOW_FIRST" })
        {
            var onSqlite = await WalkAsync(_sqlite, order);
            var onPostgres = await WalkAsync(_postgres, order);
            Assert.NotEmpty(onSqlite);
            Assert.Equal(onSqlite, onPostgres);
            Assert.Equal(onSqlite.Count, onSqlite.Distinct().Count());
        }
    }

    [PostgresFact]
    public async Task Name_search_inspection_plan_and_bad_inputs_are_the_same()
    {
        var some = (await _sqlite.PostAsync("{ enterprises(first: 1, orderBy: CLASS_WORST_FIRST) { edges { "
            + "node { name } } } }"))
            .EnsureData()
            .Data.GetProperty("enterprises").GetProperty("edges")[0].GetProperty("node").GetProperty("name")
            .GetString()!;
        await SameAnswerAsync("query($n: String) { enterprises(first: 500, filter: { nameContains: $n }) { totalCount "
            + "edges { node { creditCode } } } }", new { n = some[^4..] });
        const string Plan = """
            query($after: String) { inspectionPlan(from: "2026-12-01", to: "2027-03-31", first: 100, after: $after) {
              totalCount edges { cursor node {
                enterprise { creditCode } dueOn lastInspectedOn daysOverdue mapColour forms } } } }
            """;
        await SameAnswerAsync(Plan, new { after = (string?)null });

        // Each server seals cursors under its own database's key: the texts differ, where they lead must not.
        var nextOnSqlite = await PlanAfterAsync(_sqlite, Plan);
        Assert.Equal(nextOnSqlite, await PlanAfterAsync(_postgres, Plan));
        Assert.NotEqual("[]", nextOnSqlite);
        await SameAnswerAsync("""
            { unknown: enterprise(creditCode: "91310110666007217T") { name } none: region(code: "330499") { name }
              product(code: "P999") { name }
              lower: enterprises(filter: { nameContains: "ZZ" }) { totalCount } }
            """);
    }

    /// <summary>A county's enterprises by the given order, 7 at a time, following cursors to the end.</summary>
    private static async Task<List<string>> WalkAsync(HttpClient client, string order)
    {
        var query = $"query($after: String) {{ enterprises(first: 7, after: $after, orderBy: {order}, filter: {{ "
            + $"countyCode: \"330481\", blacklisted: false }}) {{ edges {{ node {{ creditCode }} }} pageInfo {{ "
            + $"hasNextPage endCursor }} }} }}";
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = (await client.PostAsync(query, new { after })).EnsureData().Data.GetProperty("enterprises");
            seen.AddRange(page.GetProperty("edges").EnumerateArray()
                .Select(e => e.GetProperty("node").GetProperty("creditCode").GetString()!));
            var info = page.GetProperty("pageInfo");
            after = info.GetProperty("hasNextPage").GetBoolean() ? info.GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        return seen;
    }

    /// <summary>
    /// Asks both servers and fails with both bodies when they answer differently, but for the cursors' text: each
    /// server seals them under its own database's key.
    /// </summary>
    private async Task<JsonElement> SameAnswerAsync(string query, object? variables = null)
    {
        var onSqlite = (await _sqlite.PostAsync(query, variables)).EnsureData();
        var onPostgres = (await _postgres.PostAsync(query, variables)).EnsureData();
        Assert.Equal(WithoutCursors(onSqlite.Body), WithoutCursors(onPostgres.Body));
        return onPostgres.Data;
    }

    private static string WithoutCursors(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body, "\"(cursor|endCursor)\":\"[^\"]*\"", "\"$1\":\"…\"");

    /// <summary>The credit codes of the plan's rows after its 37th, following that row's cursor.</summary>
    private static async Task<string> PlanAfterAsync(HttpClient client, string plan)
    {
        var cursor = (await client.PostAsync(plan, new { after = (string?)null })).EnsureData().Data
            .GetProperty("inspectionPlan").GetProperty("edges")[36].GetProperty("cursor").GetString();
        var next = (await client.PostAsync(plan, new { after = cursor })).EnsureData().Data
            .GetProperty("inspectionPlan").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("enterprise").GetProperty("creditCode").GetString());
        return JsonSerializer.Serialize(next);
    }
}
