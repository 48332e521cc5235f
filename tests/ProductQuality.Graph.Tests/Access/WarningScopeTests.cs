using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>
/// Every county bureau reads exactly the city-wide bulletins and those about its own county or towns: the rows the
/// database says, no bulletin whose region reads as null although it has one, and counts and pages that agree.
/// </summary>
public abstract class WarningScopeTests(TestServerFactory factory)
{
    private const string Warnings = """
        query($after: String) { riskWarnings(first: 500, after: $after) {
          totalCount edges { node { number region { code } } } pageInfo { hasNextPage endCursor } } }
        """;

    [ProviderTheory]
    [InlineData("330402")]
    [InlineData("330411")]
    [InlineData("330421")]
    [InlineData("330424")]
    [InlineData("330481")]
    [InlineData("330482")]
    [InlineData("330483")]
    public async Task County_bureau_sees_city_wide_and_own_county_bulletins_only(string county)
    {
        var rows = await factory.DbAsync(db => db.RiskWarnings.AsNoTracking()
            .Select(w => new
            {
                w.Number, w.RegionCode,
                County = db.Regions.Where(r => r.Code == w.RegionCode).Select(r => r.CountyCode).FirstOrDefault(),
            })
            .ToListAsync());
        var expected = rows.Where(w => w.RegionCode is null || w.County == county)
            .Select(w => w.Number).Order(StringComparer.Ordinal).ToList();
        var regional = rows.Where(w => w.RegionCode is not null).ToDictionary(w => w.Number, w => w.RegionCode);

        // The generated data must make the case: bulletins about other counties' towns exist and stay hidden.
        Assert.Contains(rows, w => w.RegionCode is not null && w.County != county);

        var client = factory.ClientFor($"samr-{county}");
        var seen = new List<string>();
        string? after = null;
        int total;
        do
        {
            var page = (await client.PostAsync(Warnings, new { after })).EnsureData().Data.GetProperty("riskWarnings");
            total = page.GetProperty("totalCount").GetInt32();
            foreach (var node in page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")))
            {
                var number = node.GetProperty("number").GetString()!;
                seen.Add(number);
                var region = node.GetProperty("region");
                var code = region.ValueKind == JsonValueKind.Null ? null : region.GetProperty("code").GetString();
                Assert.Equal(regional.GetValueOrDefault(number), code);
            }

            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean()
                ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.Equal(expected, seen.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(expected.Count, total);
    }

    [ProviderFact]
    public async Task The_city_sees_every_bulletin()
    {
        var count = await factory.DbAsync(db => db.RiskWarnings.CountAsync());
        var city = factory.ClientFor("samr-jiaxing");
        var reply = (await city.PostAsync("{ riskWarnings(first: 1) { totalCount } }")).EnsureData();
        Assert.Equal(count, reply.Data.GetProperty("riskWarnings").GetProperty("totalCount").GetInt32());
    }
}
