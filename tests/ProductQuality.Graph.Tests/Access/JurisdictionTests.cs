using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>
/// A county bureau (海宁, samr-330481) sees its county's enterprises and nothing of the others, on every path.
/// </summary>
public abstract class JurisdictionTests(TestServerFactory factory)
{
    private const string Haining = "330481";
    private readonly HttpClient _county = factory.ClientFor("samr-330481");
    private readonly HttpClient _city = factory.ClientFor("samr-jiaxing");

    [ProviderFact]
    public async Task Enterprise_of_another_county_reads_as_null()
    {
        var other = await FirstCodeAsync(_city,
            "{ enterprises(first: 1, filter: { countyCode: \"330402\" }) { edges { node { creditCode } } } }");
        var reply = (await _county.PostAsync("query($c: String!) { enterprise(creditCode: $c) { name } }",
            new { c = other })).EnsureData();
        Assert.Equal(JsonValueKind.Null, reply.Data.GetProperty("enterprise").ValueKind);

        var own = await FirstCodeAsync(_city,
            "{ enterprises(first: 1, filter: { countyCode: \"330481\" }) { edges { node { creditCode } } } }");
        var mine = (await _county.PostAsync("query($c: String!) { enterprise(creditCode: $c) { name } }",
            new { c = own })).EnsureData();
        Assert.Equal(JsonValueKind.Object, mine.Data.GetProperty("enterprise").ValueKind);
    }

    [ProviderFact]
    public async Task Lists_and_counts_hold_only_own_county()
    {
        var cityCount = await TotalAsync(_city, "enterprises(filter: { countyCode: \"330481\" })");
        Assert.Equal(cityCount, await TotalAsync(_county, "enterprises"));
        Assert.Equal(0, await TotalAsync(_county, "enterprises(filter: { countyCode: \"330402\" })"));

        var counties = (await _county.PostAsync("{ enterprises(first: 500) { edges { node { county { code } } } } "
            + "blacklist(first: 500) { edges { node { county { code } } } } assuredUnits(first: 500) { edges { node { "
            + "county { code } } } } }"))
            .EnsureData().Data;
        foreach (var list in new[] { "enterprises", "blacklist", "assuredUnits" })
        {
            Assert.All(counties.GetProperty(list).GetProperty("edges").EnumerateArray(),
                e => Assert.Equal(Haining,
                    e.GetProperty("node").GetProperty("county").GetProperty("code").GetString()));
        }
    }

    [ProviderFact]
    public async Task A_cursor_of_the_city_list_is_not_the_county_s()
    {
        // A cursor taken from the city-wide list is not the bureau's: refused, not used to place its page.
        const string Page = "query($a: String) { enterprises(first: 500, after: $a) { pageInfo { endCursor } "
            + "edges { node { county { code } } } } }";
        var page = (await _city.PostAsync("{ enterprises(first: 1) { pageInfo { endCursor } } }")).EnsureData();
        var cursor = page.Data.GetProperty("enterprises").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        Assert.Equal("INVALID_CURSOR", (await _county.PostAsync(Page, new { a = cursor })).FirstErrorCode);

        // The bureau's own cursors page within its own rows.
        var first = (await _county.PostAsync("{ enterprises(first: 1) { pageInfo { endCursor } } }")).EnsureData();
        var own = first.Data.GetProperty("enterprises").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var reply = (await _county.PostAsync(Page, new { a = own })).EnsureData();
        Assert.All(reply.Data.GetProperty("enterprises").GetProperty("edges").EnumerateArray(),
            e => Assert.Equal(Haining, e.GetProperty("node").GetProperty("county").GetProperty("code").GetString()));
    }

    [ProviderFact]
    public async Task Region_tree_shows_only_own_county_and_no_city_aggregate()
    {
        var data = (await _county.PostAsync("{ city { assessment { enterpriseCount } children { code } } other: "
            + "region(code: \"330402\") { name } own: region(code: \"330481\") { name assessment { "
            + "enterpriseCount } } }"))
            .EnsureData().Data;
        Assert.Equal(JsonValueKind.Null, data.GetProperty("city").GetProperty("assessment").ValueKind);
        Assert.Equal(Haining,
            Assert.Single(data.GetProperty("city").GetProperty("children").EnumerateArray()).GetProperty("code")
                .GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("other").ValueKind);
        Assert.Equal(await TotalAsync(_county, "enterprises"),
            data.GetProperty("own").GetProperty("assessment").GetProperty("enterpriseCount").GetInt32());
    }

    private static async Task<int> TotalAsync(HttpClient client, string list) =>
        (await client.PostAsync($"{{ x: {list} {{ totalCount }} }}")).EnsureData().Data.GetProperty("x")
            .GetProperty("totalCount").GetInt32();

    private static async Task<string> FirstCodeAsync(HttpClient client, string query) =>
        (await client.PostAsync(query)).EnsureData().Data.GetProperty("enterprises").GetProperty("edges")[0]
            .GetProperty("node").GetProperty("creditCode").GetString()!;
}
