using System.Net;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// Work a field does whatever it returns is in the estimate (found by a cost probe, each accepted within the
/// budget): an aggregate computed over every enterprise in view at every call (the inspection plan, the statistics,
/// the colour shares), a status restored as of a past day, and an access log entry's list of codes.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class AggregateCostTests(GraphServerFactory factory)
{
    private const string Plan = "inspectionPlan(from: \"2026-12-01\", to: \"2030-12-31\", first: 0) { totalCount }";

    /// <summary>200 aliases of the plan were estimated at 200 and took 4–6 s of CPU.</summary>
    [Theory]
    [InlineData(Plan, 5_001)]
    [InlineData("statistics { asOf }", 7_501)]
    [InlineData("regionColourShares(level: COUNTY) { greenCount }", 301)]
    [InlineData("whoAccessed(creditCode: \"913304831LXE3BD9A5\", first: 200) { edges { node { at } } }", 300)]
    public async Task An_aggregate_costs_what_it_reads_at_every_call(string field, long each)
    {
        var client = factory.ClientFor("samr-jiaxing");
        (await client.PostAsync("{ " + field + " }")).EnsureData();

        var aliases = (int)(50_000 / each) + 1;
        var reply = await client.PostAsync(Aliased(aliases, field));
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
        Assert.Equal(aliases * each,
            reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("cost").GetInt64());
    }

    /// <summary>
    /// 49 aliases of 1,000 codes, each as of its own day, took 4–7 s of CPU and 1.3 GB (estimate 49,000).
    /// </summary>
    [Theory]
    [InlineData(null, 49, false)]
    [InlineData("2026-06-30", 4, false)]
    [InlineData("2026-06-30", 6, true)]
    public async Task Statuses_as_of_a_past_day_cost_ten_times_their_codes(string? asOf, int aliases, bool refused)
    {
        var codes = Enumerable.Range(0, 1_000).Select(i => $"91330400MA2{i:D7}").ToArray();
        var argument = asOf is null ? "" : $"asOf: \"{asOf}\", ";
        var query = "query($codes: [String!]!) { " + string.Join(" ", Enumerable.Range(0, aliases)
            .Select(i => $"s{i}: enterpriseStatuses({argument}creditCodes: $codes) {{ creditCode }}")) + " }";

        var reply = await factory.ClientFor("finance").PostAsync(query, new { codes });

        if (refused)
        {
            Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
            Assert.Equal(aliases * 10_000L,
                reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("cost").GetInt64());
        }
        else
        {
            reply.EnsureData();
        }
    }

    /// <summary>
    /// An enterprise as of a past day is restored from its histories (class, blacklist, assured, management): 200
    /// aliases were estimated 200 and took 0.55–0.77 s of CPU, against 0.04 s without asOf. Each restore now counts
    /// 300 rows; what is below it is read as now and counts as before.
    /// </summary>
    [Theory]
    [InlineData(", asOf: \"2026-06-30\"", "name", 167, 167 * 300)]
    [InlineData(", asOf: \"2026-06-30\"", "name products { name }", 164, 164 * (300 + 5))]
    [InlineData("", "name products { name }", 200, 0)]
    public async Task An_enterprise_as_of_a_past_day_costs_its_restore(string asOf, string selection, int aliases,
        long cost)
    {
        var reply = await factory.ClientFor("samr-jiaxing").PostAsync(
            Aliased(aliases, $"enterprise(creditCode: \"91330481704213653E\"{asOf}) {{ {selection} }}"));

        if (cost == 0)
        {
            reply.EnsureData();
            return;
        }

        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
        Assert.Equal(cost, reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("cost")
            .GetInt64());
    }

    /// <summary>
    /// A factor set for any field applies to it (it applied only to the bulk fields, so one set for
    /// <c>Query.enterprise</c> was accepted at start and did nothing).
    /// </summary>
    [Fact]
    public async Task An_as_of_factor_applies_to_whatever_field_it_names()
    {
        using var server = new LimitedServer(factory,
            new Dictionary<string, string> { ["GraphQL:Limits:AsOfCostFactors:Query.enterprise"] = "30000" });
        var client = server.ClientFor("samr-jiaxing");
        const string Field = "enterprise(creditCode: \"91330481704213653E\"{0}) {{ name }}";
        var now = string.Format(System.Globalization.CultureInfo.InvariantCulture, Field, "");
        var past = string.Format(System.Globalization.CultureInfo.InvariantCulture, Field, ", asOf: \"2026-06-30\"");

        var reply = await client.PostAsync($"{{ a: {past} b: {past} }}");
        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
        Assert.Equal(60_000, reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("cost")
            .GetInt64());
        (await client.PostAsync($"{{ a: {past} b: {now} }}")).EnsureData();
    }

    /// <summary>
    /// An entry's codes were free: 500 entries of 10,000-code checks made a 31 MB answer (3 s of CPU) for an estimate
    /// of 500. Each entry's codes now count as 100 rows and the statement that cuts them 60, the log's reading 2,000.
    /// </summary>
    [Theory]
    [InlineData(250, false)]
    [InlineData(300, true)]
    public async Task An_access_log_entrys_codes_count(int first, bool refused)
    {
        var reply = await factory.ClientFor("samr-jiaxing")
            .PostAsync($"{{ accessLog(first: {first}) {{ edges {{ node {{ requestId creditCodes }} }} }} }}");

        if (refused)
        {
            Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
            Assert.Equal((first * 161L) + 2_000,
                reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("cost").GetInt64());
        }
        else
        {
            reply.EnsureData();
        }

        // Without the codes, the page costs its rows.
        (await factory.ClientFor("samr-jiaxing").PostAsync(
            $"{{ accessLog(first: {first}) {{ edges {{ node {{ requestId }} }} }} }}")).EnsureData();
    }

    private static string Aliased(int count, string field) =>
        "{ " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"a{i}: {field}")) + " }";

    /// <summary>
    /// A reader that does not read every fact a tier counts reads each product's whole tier history to find the
    /// gradings that change something it sees, whatever the limit: priced at the limit alone, every product's history
    /// at a limit of 180 was 49,413 and took 2.3–4 s of CPU as drc (5 times the regulator's for that estimate), with
    /// the default limit 5,733 (the cost probe). It pays FilteredFieldCosts at every call; the city's regulator does
    /// not, and a county bureau, which reads no count over every county, does through the regulator's schema.
    /// </summary>
    [Theory]
    [InlineData("samr-jiaxing", null)]
    [InlineData("drc", 2 * (273 + (273 * (1 + 150))))]
    [InlineData("sci-tech", 2 * (273 + (273 * (1 + 150))))]
    [InlineData("samr-330402", 2 * (273 + (273 * (1 + 150))))]
    public async Task A_tier_history_read_whole_costs_the_history(string department, int? cost)
    {
        // Twice the catalogue: once fits a department's budget (every product's history at the default limit does).
        var reply = await factory.ClientFor(department).PostAsync(
            "{ a: products { tierHistory(limit: 1) { tier } } b: products { tierHistory(limit: 1) { tier } } }");

        if (cost is null)
        {
            reply.EnsureData();
            return;
        }

        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
        Assert.Equal(cost.Value, reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("cost")
            .GetInt64());
    }

    /// <summary>
    /// Every product's grading history with explanations (273 × 85) was estimated 46,683 and took 0.84–1.10 s of CPU,
    /// over what the budget allows; an explanation now counts a row of its own beside its grading.
    /// </summary>
    [Fact]
    public async Task A_gradings_explanation_counts_beside_the_grading()
    {
        var reply = await factory.ClientFor("samr-jiaxing").PostAsync(
            "{ products { code tierHistory(limit: 85) { tier explanation { summary } } } }");
        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
        Assert.Equal(273 + (273 * 85 * 3),
            reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("cost").GetInt64());
    }
}
