using Microsoft.EntityFrameworkCore;
using System.Text.Json;
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

    /// <summary>
    /// A product's tier history is cut per product in SQL: the newest 20 unless asked, at most 500. The whole
    /// catalogue's history was a 119 MB answer of 5–12 s priced at ten rows a product (the cost probe).
    /// </summary>
    [ProviderFact]
    public async Task Tier_history_gives_the_newest_gradings_up_to_its_limit_for_every_product()
    {
        const string query = """
            { all: products { code tierHistory(limit: 140) { effectiveFrom tier } }
              unasked: products { code tierHistory { effectiveFrom tier } }
              three: products { code tierHistory(limit: 3) { effectiveFrom tier } } }
            """;
        var data = (await _client.PostAsync(query)).EnsureData().Data;

        var all = data.GetProperty("all").EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!,
            p => p.GetProperty("tierHistory").EnumerateArray().Select(r => r.GetRawText()).ToList());
        Assert.Contains(all.Values, h => h.Count > 20);
        var stored = await factory.DbAsync(db => db.ProductTierAssessments.GroupBy(a => a.ProductCode)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.All(all, h => Assert.Equal(Math.Min(140, stored.GetValueOrDefault(h.Key)), h.Value.Count));
        foreach (var (name, limit) in new[] { ("unasked", 20), ("three", 3) })
        {
            foreach (var product in data.GetProperty(name).EnumerateArray())
            {
                var full = all[product.GetProperty("code").GetString()!];
                var cut = product.GetProperty("tierHistory").EnumerateArray().Select(r => r.GetRawText()).ToList();
                Assert.Equal(full.Take(limit), cut);
            }
        }

        var dates = all.Values.SelectMany(h => h.Zip(h.Skip(1))).Select(pair => (
            Newer: JsonDocument.Parse(pair.First).RootElement.GetProperty("effectiveFrom").GetString()!,
            Older: JsonDocument.Parse(pair.Second).RootElement.GetProperty("effectiveFrom").GetString()!));
        Assert.All(dates, d => Assert.True(string.CompareOrdinal(d.Newer, d.Older) >= 0, $"{d.Newer} < {d.Older}"));
    }

    [ProviderTheory]
    [InlineData(501, "PAGE_TOO_LARGE")]
    [InlineData(-1, "INVALID_ARGUMENT")]
    public async Task A_tier_history_limit_out_of_range_is_refused_before_anything_runs(int limit, string code)
    {
        var reply = await _client.PostAsync("query($limit: Int) { product(code: \"P014\") { tierHistory(limit: "
            + "$limit) { tier } } }", new { limit });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(code, reply.FirstErrorCode);
        Assert.Contains("between 0 and 500", reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    /// <summary>Each product's history with its explanations, priced as what it returns: over the budget.</summary>
    [ProviderFact]
    public async Task The_catalogues_tier_histories_with_explanations_cost_what_they_return()
    {
        var reply = await _client.PostAsync("{ products { code tierHistory { tier explanation { summary "
            + "factors { name value threshold effect } } } } }");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("QUERY_TOO_COMPLEX", reply.FirstErrorCode);
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
