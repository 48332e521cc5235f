using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using ProductQuality.Graph.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace ProductQuality.Graph.Tests.RegionColours;

/// <summary>
/// <c>regionColourShares</c>: every region of a level with its shares and colour next to its thresholds, a town below
/// the minimum (every town with an enterprise by default; 5 where a bureau sets it) not assessed and saying so, colours
/// that follow the thresholds, and the spread of the shares over the assessed regions.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RegionColourSharesTests(GraphServerFactory factory)
{
    private const string Query = """
        query($level: MapLevel!) { regionColourShares(level: $level) {
          level redCount yellowCount blueCount greenCount notAssessedCount
          thresholds { basis redSharePercentForRed redYellowSharePercentForYellow redYellowSharePercentForBlue
            minEnterprises setBy }
          redYellowShare { min lowerQuartile median upperQuartile max }
          regions { region { code } colour assessed enterpriseCount redSharePercent redYellowSharePercent
            thresholds { redSharePercentForRed redYellowSharePercentForYellow redYellowSharePercentForBlue
              minEnterprises setBy } } } }
        """;

    [Theory]
    [InlineData("TOWN")]
    [InlineData("COUNTY")]
    public async Task Colours_follow_the_thresholds_and_small_regions_are_not_assessed(string level)
    {
        var shares = await SharesAsync(factory.ClientFor("samr-jiaxing"), level);
        var regions = shares.GetProperty("regions").EnumerateArray().ToList();
        foreach (var region in regions)
        {
            var t = region.GetProperty("thresholds");
            var n = region.GetProperty("enterpriseCount").GetInt32();
            var assessed = n >= t.GetProperty("minEnterprises").GetInt32();
            Assert.Equal(assessed, region.GetProperty("assessed").GetBoolean());
            Assert.Equal(assessed ? Expected(region, t) : null, region.GetProperty("colour").GetString());
        }

        var counts = new[] { "redCount", "yellowCount", "blueCount", "greenCount", "notAssessedCount" }
            .Sum(k => shares.GetProperty(k).GetInt32());
        Assert.Equal(regions.Count, counts);
        var ry = regions.Where(r => r.GetProperty("assessed").GetBoolean())
            .Select(r => r.GetProperty("redYellowSharePercent").GetDouble()).Order().ToList();
        Assert.Equal(ry[0], shares.GetProperty("redYellowShare").GetProperty("min").GetDouble());
        Assert.Equal(ry[^1], shares.GetProperty("redYellowShare").GetProperty("max").GetDouble());
        Assert.Contains(ry, v => v == shares.GetProperty("redYellowShare").GetProperty("median").GetDouble());
        Assert.Equal(
            level == "TOWN" ? 1 : 20, shares.GetProperty("thresholds").GetProperty("minEnterprises").GetInt32());
    }

    [Fact]
    public async Task A_town_below_the_minimum_says_how_many_and_the_minimum()
    {
        _ = factory.Services;
        using var server = factory.WithWebHostBuilder(b => b
            .UseSetting("Rules:RegionColour:MinEnterprisesForTown", "5"));
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            factory.ClientFor("samr-jiaxing").DefaultRequestHeaders.Authorization;
        var reply = (await client.PostAsync(
            "{ fourColorMap(level: TOWN) { code assessment { assessed colour enterpriseCount "
            + "explanation { summary } } } }")).EnsureData();
        var small = reply.Data.GetProperty("fourColorMap").EnumerateArray()
            .Select(r => r.GetProperty("assessment"))
            .Where(a => a.ValueKind == JsonValueKind.Object && !a.GetProperty("assessed").GetBoolean()).ToList();
        Assert.NotEmpty(small);
        foreach (var a in small)
        {
            Assert.Equal(JsonValueKind.Null, a.GetProperty("colour").ValueKind);
            Assert.StartsWith(
                $"Region not assessed (未评定): {a.GetProperty("enterpriseCount").GetInt32()} key-product enterprises",
                a.GetProperty("explanation")[0].GetProperty("summary").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_county_s_own_thresholds_show_on_its_towns_only()
    {
        _ = factory.Services;
        using var server = factory.WithWebHostBuilder(b => b
            .UseSetting("Rules:RegionColour:Counties:330481:RedYellowSharePercentForYellow", "40")
            .UseSetting("Rules:RegionColour:Counties:330481:MinEnterprisesForTown", "3"));
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            factory.ClientFor("samr-jiaxing").DefaultRequestHeaders.Authorization;
        var regions = (await SharesAsync(client, "TOWN")).GetProperty("regions").EnumerateArray().ToList();
        foreach (var region in regions)
        {
            var own = region.GetProperty("region").GetProperty("code").GetString()!
                .StartsWith("330481", StringComparison.Ordinal);
            var t = region.GetProperty("thresholds");
            Assert.Equal(own ? "330481" : "city", t.GetProperty("setBy").GetString());
            Assert.Equal(own ? 40 : 30, t.GetProperty("redYellowSharePercentForYellow").GetDouble());
            Assert.Equal(own ? 3 : 1, t.GetProperty("minEnterprises").GetInt32());
        }
    }

    [Fact]
    public async Task What_development_and_reform_sees_of_the_counties()
    {
        var reply = await factory.ClientFor("drc").PostAsync(Query, new { level = "COUNTY" });
        Snapshot.Match(Newtonsoft.Json.Linq.JToken.Parse(reply.EnsureData().Body));
    }

    private static string Expected(JsonElement region, JsonElement t)
    {
        var r = region.GetProperty("redSharePercent").GetDouble();
        var ry = region.GetProperty("redYellowSharePercent").GetDouble();
        // Shares are compared unrounded by the rule and shown to two places: a share on a threshold to two places
        // is the rule's own boundary in this data (whole enterprises over small totals).
        return r >= t.GetProperty("redSharePercentForRed").GetDouble() ? "RED"
            : ry >= t.GetProperty("redYellowSharePercentForYellow").GetDouble() ? "YELLOW"
            : ry >= t.GetProperty("redYellowSharePercentForBlue").GetDouble() ? "BLUE"
            : "GREEN";
    }

    private static async Task<JsonElement> SharesAsync(HttpClient client, string level) =>
        (await client.PostAsync(Query, new { level })).EnsureData().Data.GetProperty("regionColourShares");
}
