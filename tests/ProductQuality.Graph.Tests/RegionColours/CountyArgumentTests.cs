using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.RegionColours;

/// <summary>
/// A county code given to narrow an answer is one of Jiaxing's seven, or INVALID_ARGUMENT naming them: an unknown or
/// mistyped one ("33048", "abc") answered an empty map, plan or page, which reads as "nothing there".
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CountyArgumentTests(GraphServerFactory factory)
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["fourColorMap"] = "fourColorMap(level: TOWN, county: $c) { code }",
        ["regionColourShares"] = "regionColourShares(level: TOWN, county: $c) { greenCount }",
        ["inspectionPlan"] =
            "inspectionPlan(from: \"2026-12-01\", to: \"2026-12-31\", county: $c, first: 5) { totalCount }",
        ["enterprises"] = "enterprises(first: 5, filter: {countyCode: $c}) { totalCount }",
    };

    [Theory]
    [InlineData("fourColorMap", "33048")]
    [InlineData("regionColourShares", "abc")]
    [InlineData("inspectionPlan", "330999")]
    [InlineData("enterprises", "330418")]
    [InlineData("enterprises", " 330481")]
    public async Task A_code_that_is_no_county_of_Jiaxing_is_INVALID_ARGUMENT(string field, string county)
    {
        var reply = await factory.ClientFor("samr-jiaxing")
            .PostAsync($"query($c: String) {{ {Fields[field]} }}", new { c = county });

        Assert.Equal("INVALID_ARGUMENT", reply.FirstErrorCode);
        Assert.Contains("330402, 330411, 330421, 330424, 330481, 330482, 330483", reply.FirstErrorMessage,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fourColorMap")]
    [InlineData("regionColourShares")]
    [InlineData("inspectionPlan")]
    [InlineData("enterprises")]
    public async Task A_county_of_Jiaxing_is_answered(string field)
    {
        (await factory.ClientFor("samr-jiaxing").PostAsync($"query($c: String) {{ {Fields[field]} }}",
            new { c = "330481" })).EnsureData();
    }
}
