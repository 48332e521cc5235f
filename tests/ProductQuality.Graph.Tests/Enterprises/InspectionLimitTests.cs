using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Enterprises;

/// <summary>
/// <c>inspections(limit:)</c> is cut per enterprise in SQL; it must return the rows the in-memory cut returned: the
/// newest <c>limit</c> of the enterprise's full list (newest first, newest id first on a tie), with failed items.
/// </summary>
public abstract class InspectionLimitTests(TestServerFactory factory)
{
    private const string Fields = "reportNumber sampledOn passed product { code } failedItems { name safetyItem }";

    private readonly HttpClient _client = factory.ClientFor("samr-jiaxing");

    [ProviderFact]
    public async Task Every_limit_on_a_page_is_the_head_of_the_full_list()
    {
        var query = $$"""
            { enterprises(first: 20, orderBy: CLASS_WORST_FIRST) { edges { node {
                all: inspections(limit: 30) { {{Fields}} } none: inspections(limit: 0) { {{Fields}} }
                one: inspections(limit: 1) { {{Fields}} } three: inspections(limit: 3) { {{Fields}} }
                standard: inspections { {{Fields}} } } } } }
            """;
        var nodes = (await _client.PostAsync(query)).EnsureData().Data.GetProperty("enterprises").GetProperty("edges")
            .EnumerateArray().Select(e => e.GetProperty("node")).ToList();

        Assert.Contains(nodes, n => n.GetProperty("all").GetArrayLength() > 3);
        foreach (var node in nodes)
        {
            AssertHeads(node);
        }
    }

    [ProviderFact]
    public async Task Under_asOf_every_limit_is_the_head_of_the_list_known_then()
    {
        var codes = (await _client.PostAsync("{ enterprises(first: 20) { edges { node { creditCode } } } }"))
            .EnsureData().Data.GetProperty("enterprises").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("creditCode").GetString()!).ToList();
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1).ToString("yyyy-MM-dd");
        var query = "{ " + string.Join(' ', codes.Select((c, i) => $$"""
            e{{i}}: enterprise(creditCode: "{{c}}", asOf: "{{day}}") {
              all: inspections(limit: 30) { {{Fields}} } none: inspections(limit: 0) { {{Fields}} }
              one: inspections(limit: 1) { {{Fields}} } three: inspections(limit: 3) { {{Fields}} }
              standard: inspections { {{Fields}} } }
            """)) + " }";
        var data = (await _client.PostAsync(query)).EnsureData().Data;

        var known = data.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object).ToList();
        Assert.NotEmpty(known);
        foreach (var enterprise in known)
        {
            AssertHeads(enterprise.Value);
        }
    }

    /// <summary>
    /// A limit outside 0 to 200 is refused with a code, once for the page (not once for each enterprise on it), and
    /// not quietly clamped: a partner asking for 1,000 must not take 200 for all there are.
    /// </summary>
    [ProviderTheory]
    [InlineData("{ enterprises(first: 20) { items { inspections(limit: 201) { reportNumber } } } }", "PAGE_TOO_LARGE")]
    [InlineData("{ enterprises(first: 20) { items { inspections(limit: -1) { reportNumber } } } }", "INVALID_ARGUMENT")]
    [InlineData("query($n: Int) { enterprises(first: 20) { edges { node { inspections(limit: $n) { passed } } } } }",
        "PAGE_TOO_LARGE")]
    [InlineData("{ blacklist(first: 20) { items { inspections(limit: -1) { passed } } } }",
        "INVALID_ARGUMENT")]
    [InlineData("{ inspectionPlan(first: 100, from: \"2026-01-01\", to: \"2027-12-31\") { edges { node { "
        + "enterprise { inspections(limit: 201) { sampledOn } } } } } }", "PAGE_TOO_LARGE")]
    [InlineData("{ blacklist(first: 50) { edges { node { blacklistHistory { enterprise { "
        + "inspections(limit: 201) { sampledOn } } } } } } }", "PAGE_TOO_LARGE")]
    public async Task A_limit_outside_the_range_is_refused_once_with_a_code(string query, string code)
    {
        var reply = await _client.PostAsync(query, new { n = 1000 });
        Assert.Equal(code, reply.FirstErrorCode);
        Assert.Contains("between 0 and 200", reply.FirstErrorMessage, StringComparison.Ordinal);
        var errors = reply.Json.GetProperty("errors").GetArrayLength();
        Assert.True(errors == 1, $"{errors} errors");
    }

    /// <summary>
    /// A limit that is not plainly an Int — a fraction, a Float variable, an undeclared variable, a number past Int —
    /// is left to validation, which names the real mistake, instead of being read as a number it is not.
    /// </summary>
    [ProviderTheory]
    [InlineData("query($l: Int) { enterprises(first: 2) { items { inspections(limit: $l) { passed } } } }", 1000.5)]
    [InlineData("query($l: Float) { enterprises(first: 2) { items { inspections(limit: $l) { passed } } } }", 1000)]
    [InlineData("query { enterprises(first: 2) { items { inspections(limit: $l) { passed } } } }", 1000)]
    [InlineData("{ enterprises(first: 2) { items { inspections(limit: 99999999999999) { passed } } } }", 0)]
    public async Task A_limit_that_is_not_plainly_an_Int_is_left_to_validation(string query, double l)
    {
        var reply = await _client.PostAsync(query, new { l });
        Assert.True(reply.HasErrors, reply.Body);
        Assert.NotEqual("PAGE_TOO_LARGE", reply.FirstErrorCode);
        Assert.True((int)reply.Status is >= 400 and < 500, reply.Body);
    }

    /// <summary>
    /// A write's payload may read the enterprise's inspections: a limit out of range there refuses the write before
    /// it runs, instead of an error beside a write already committed (the schema says nothing is written on error).
    /// </summary>
    [ProviderFact]
    public async Task A_limit_out_of_range_in_a_writes_payload_refuses_the_write_before_it_runs()
    {
        var maker = (await _client.PostAsync("{ enterprises(first: 1) { items { creditCode products { code } } } }"))
            .EnsureData().Data.GetProperty("enterprises").GetProperty("items")[0];
        var code = maker.GetProperty("creditCode").GetString()!;
        var product = maker.GetProperty("products")[0].GetProperty("code").GetString()!;
        var before = await factory.DbAsync(db => db.Inspections.CountAsync());

        var reply = await _client.PostAsync(
            Recording.Writes.RecordSampling.Replace("inspections(limit: 50)", "inspections(limit: 201)",
                StringComparison.Ordinal),
            Recording.Writes.Sampling(code, product));

        Assert.Equal("PAGE_TOO_LARGE", reply.FirstErrorCode);
        Assert.False(reply.Json.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null,
            reply.Body);
        Assert.Equal(before, await factory.DbAsync(db => db.Inspections.CountAsync()));
    }

    private static void AssertHeads(JsonElement node)
    {
        var all = node.GetProperty("all").EnumerateArray().Select(i => i.GetRawText()).ToList();
        Assert.Equal(all.OrderByDescending(SampledOn).ToList(), all, StringComparer.Ordinal); // newest first
        foreach (var (alias, limit) in new[] { ("none", 0), ("one", 1), ("three", 3), ("standard", 20) })
        {
            var cut = node.GetProperty(alias).EnumerateArray().Select(i => i.GetRawText()).ToList();
            Assert.Equal(all.Take(limit).ToList(), cut);
        }
    }

    private static string SampledOn(string inspection) =>
        JsonDocument.Parse(inspection).RootElement.GetProperty("sampledOn").GetString()!;
}
