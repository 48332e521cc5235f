using ProductQuality.Graph.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace ProductQuality.Graph.Tests.Catalogue;

/// <summary>Reference data and published lists, as a partner reads them.</summary>
public abstract class CatalogueAndRegionTests(TestServerFactory factory)
{
    private readonly HttpClient _client = factory.ClientFor("samr-jiaxing");

    [ProviderFact]
    public async Task Catalogue_has_13_categories_and_273_products_each_with_a_tier()
    {
        var data = (await _client.PostAsync("{ productCategories { code name products { code tier } } "
            + "products { code } }"))
            .EnsureData().Data;
        Assert.Equal(13, data.GetProperty("productCategories").GetArrayLength());
        Assert.Equal(273, data.GetProperty("products").GetArrayLength());
        Assert.Equal(273,
            data.GetProperty("productCategories").EnumerateArray()
                .Sum(c => c.GetProperty("products").GetArrayLength()));
    }

    [ProviderFact]
    public async Task Products_filter_by_category_and_tier()
    {
        var data = (await _client.PostAsync("{ products(categoryCode: \"C06\", tier: HIGH) { code tier "
            + "category { code } } }"))
            .EnsureData().Data;
        foreach (var p in data.GetProperty("products").EnumerateArray())
        {
            Assert.Equal("HIGH", p.GetProperty("tier").GetString());
            Assert.Equal("C06", p.GetProperty("category").GetProperty("code").GetString());
        }
    }

    [ProviderFact]
    public async Task Region_tree_is_the_real_jiaxing_tree_with_colours()
    {
        var reply = (await _client.PostAsync("{ city { code name assessment { colour enterpriseCount } children { code "
            + "name colour children { code name } } } }"))
            .EnsureData();
        var city = reply.Data.GetProperty("city");
        Assert.Equal("嘉兴市", city.GetProperty("name").GetString());
        Assert.Equal(7, city.GetProperty("children").GetArrayLength());
        Assert.Equal(72,
            city.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("children").GetArrayLength()));
        Assert.Equal(TestServerFactory.Enterprises,
            city.GetProperty("assessment").GetProperty("enterpriseCount").GetInt32());
        Snapshot.Match(Newtonsoft.Json.Linq.JToken.Parse(reply.Body));
    }

    [ProviderFact]
    public async Task Published_blacklist_and_assured_list_hold_only_listed_enterprises()
    {
        var data = (await _client.PostAsync("""
            { blacklist(first: 500) { totalCount edges { node { blacklisted class mapColour
                blacklistHistory { kind reasonCategory decisionNumber } } } }
              assuredUnits(first: 500) { totalCount edges { node { assured blacklisted class } } } }
            """)).EnsureData().Data;
        Assert.True(data.GetProperty("blacklist").GetProperty("totalCount").GetInt32() > 0);
        foreach (var e in data.GetProperty("blacklist").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node")))
        {
            Assert.True(e.GetProperty("blacklisted").GetBoolean());
            Assert.Equal("C", e.GetProperty("class").GetString());
            Assert.Equal("RED", e.GetProperty("mapColour").GetString());
            Assert.NotEqual(0, e.GetProperty("blacklistHistory").GetArrayLength());
        }

        Assert.True(data.GetProperty("assuredUnits").GetProperty("totalCount").GetInt32() > 0);
        foreach (var e in data.GetProperty("assuredUnits").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node")))
        {
            Assert.True(e.GetProperty("assured").GetBoolean());
            Assert.False(e.GetProperty("blacklisted").GetBoolean());
            Assert.Contains(e.GetProperty("class").GetString(), new[] { "AA", "A" });
        }
    }

    [ProviderFact]
    public async Task Risk_warnings_are_newest_first_and_page()
    {
        var data = (await _client.PostAsync("{ riskWarnings(first: 5) { totalCount edges { node { number issuedOn "
            + "title } } pageInfo { hasNextPage endCursor } } }"))
            .EnsureData().Data;
        var dates = data.GetProperty("riskWarnings").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("issuedOn").GetString()).ToList();
        Assert.NotEmpty(dates);
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal).ToList(), dates);
    }
}
