using System.Net;
using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace ProductQuality.Graph.Tests.Enterprises;

/// <summary>
/// Reading enterprises: by credit code, as filtered and ordered pages, and the bad inputs partners send.
/// </summary>
public abstract class EnterpriseQueryTests(TestServerFactory factory)
{
    private const string Status = """
        query Status($code: String!) {
          enterprise(creditCode: $code) {
            creditCode name county { code name } town { code name }
            products { code name tier category { code name } }
            class classEffectiveFrom healthCode mapColour qualityIndex
            classHistory { effectiveFrom class reason }
            classExplanation { rule outcome summary factors { name value threshold effect } }
            blacklisted blacklistedSince assured assuredUntil
            inspections(limit: 3) { reportNumber sampledOn passed failedItems { name safetyItem } }
          }
        }
        """;

    private readonly HttpClient _client = factory.ClientFor("samr-jiaxing");

    [ProviderFact]
    public async Task Status_of_one_enterprise_by_credit_code_matches_snapshot()
    {
        var code = await FirstCreditCodeAsync("{ enterprises(first: 1) { edges { node { creditCode } } } }");
        var reply = (await _client.PostAsync(Status, new { code })).EnsureData();
        Snapshot.Match(Newtonsoft.Json.Linq.JToken.Parse(reply.Body));
    }

    [ProviderTheory]
    [InlineData("9131011066600721", "has 16 characters")]
    [InlineData("91310110666OO7217T", "'O' is not allowed")]
    [InlineData("91310110666007217U", "should be 'T'")]
    [InlineData("91310110666007217t", "lower case")]
    public async Task Malformed_credit_code_is_INVALID_CREDIT_CODE_saying_what_is_wrong(string code, string problem)
    {
        var reply = await _client.PostAsync(Status, new { code });
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("INVALID_CREDIT_CODE", reply.FirstErrorCode);
        Assert.Contains(problem, reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, reply.Data.GetProperty("enterprise").ValueKind);
    }

    [ProviderFact]
    public async Task Unknown_but_valid_credit_code_reads_as_null()
    {
        var reply = (await _client.PostAsync(Status, new { code = "91310110666007217T" })).EnsureData();
        Assert.Equal(JsonValueKind.Null, reply.Data.GetProperty("enterprise").ValueKind);
    }

    [ProviderFact]
    public async Task Pages_follow_cursors_without_repeats_and_count_the_whole_list()
    {
        const string query = "query($after: String) { enterprises(first: 150, after: $after, orderBy: "
            + "CLASS_WORST_FIRST) { totalCount edges { cursor node { creditCode class } } pageInfo { hasNextPage "
            + "endCursor } } }";
        var seen = new List<string>();
        string? after = null;
        var total = 0;
        do
        {
            var page = (await _client.PostAsync(query, new { after })).EnsureData().Data.GetProperty("enterprises");
            total = page.GetProperty("totalCount").GetInt32();
            seen.AddRange(page.GetProperty("edges").EnumerateArray()
                .Select(e => e.GetProperty("node").GetProperty("creditCode").GetString()!));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()
                ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.Equal(TestServerFactory.Enterprises, total);
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
    }

    [ProviderFact]
    public async Task Class_order_puts_C_first_when_worst_first()
    {
        var edges = (await _client.PostAsync("{ enterprises(first: 500, orderBy: CLASS_WORST_FIRST) { edges { node "
            + "{ class } } } }"))
            .EnsureData()
            .Data.GetProperty("enterprises").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("class").GetString()).ToList();
        var rank = new Dictionary<string, int> { ["C"] = 0, ["B"] = 1, ["A"] = 2, ["AA"] = 3 };
        Assert.Equal(edges.OrderBy(c => rank[c!]).ToList(), edges);
    }

    [ProviderTheory]
    [InlineData("{ countyCode: \"330481\" }", "county { code }", "330481")]
    [InlineData("{ class: C }", "class", "C")]
    [InlineData("{ blacklisted: true }", "blacklisted", "True")]
    [InlineData("{ mapColour: RED }", "mapColour", "RED")]
    public async Task Filters_return_only_matching_enterprises(string filter, string field, string expected)
    {
        var reply = (await _client.PostAsync($"{{ enterprises(first: 500, filter: {filter}) {{ totalCount edges {{ "
            + $"node {{ {field} }} }} }} }}"))
            .EnsureData();
        var list = reply.Data.GetProperty("enterprises");
        Assert.True(list.GetProperty("totalCount").GetInt32() > 0, $"no enterprise matched {filter}");
        foreach (var edge in list.GetProperty("edges").EnumerateArray())
        {
            var value = edge.GetProperty("node").EnumerateObject().First().Value;
            var text = value.ValueKind == JsonValueKind.Object ? value.GetProperty("code").GetString()
                : value.ToString();
            Assert.Equal(expected, text);
        }
    }

    [ProviderFact]
    public async Task Product_filter_and_name_search_narrow_the_list()
    {
        var all = await CountAsync("{}");
        var product = await CountAsync("{ productTier: ELEVATED }");
        Assert.InRange(product, 1, all - 1);
        Assert.Equal(0, await CountAsync("{ nameContains: \"不存在的企业名称\" }"));
    }

    [ProviderFact]
    public async Task First_above_the_cap_is_a_clear_error()
    {
        var reply = await _client.PostAsync("{ enterprises(first: 501) { totalCount } }");
        Assert.Equal("PAGE_TOO_LARGE", reply.FirstErrorCode);
        Assert.Contains("500", reply.FirstErrorMessage, StringComparison.Ordinal);
        // The numbers beside the code, as for 'limit' (the protocol probe found them only in the sentence).
        var extensions = reply.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(501, extensions.GetProperty("firstAsked").GetInt32());
        Assert.Equal(500, extensions.GetProperty("limit").GetInt32());
    }

    [ProviderTheory]
    [InlineData("enterprises")]
    [InlineData("blacklist")]
    public async Task A_negative_first_is_an_invalid_argument_not_a_page_too_large(string list)
    {
        var reply = await _client.PostAsync($"{{ {list}(first: -1) {{ totalCount }} }}");
        Assert.Equal("INVALID_ARGUMENT", reply.FirstErrorCode);
        Assert.Contains("it was -1", reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    [ProviderTheory]
    [InlineData("not-a-cursor")]
    [InlineData("djF8TmFtZUFzY3x4fDE")]
    public async Task Bad_cursors_are_INVALID_CURSOR(string after)
    {
        var reply = await _client.PostAsync("query($a: String) { enterprises(first: 5, after: $a, orderBy: "
            + "CLASS_BEST_FIRST) { totalCount } }", new { a = after });
        Assert.Equal("INVALID_CURSOR", reply.FirstErrorCode);
    }

    [ProviderFact]
    public async Task Unknown_enum_value_is_a_validation_error_not_a_500()
    {
        var reply = await _client.PostAsync("{ enterprises(filter: { class: Z }) { totalCount } }");
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.True(reply.HasErrors);
    }

    private async Task<int> CountAsync(string filter) =>
        (await _client.PostAsync($"{{ enterprises(filter: {filter}) {{ totalCount }} }}")).EnsureData()
            .Data.GetProperty("enterprises").GetProperty("totalCount").GetInt32();

    private async Task<string> FirstCreditCodeAsync(string query) =>
        (await _client.PostAsync(query)).EnsureData().Data.GetProperty("enterprises").GetProperty("edges")[0]
            .GetProperty("node").GetProperty("creditCode").GetString()!;
}
