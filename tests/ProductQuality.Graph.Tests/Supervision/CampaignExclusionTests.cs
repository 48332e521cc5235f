using Microsoft.AspNetCore.Hosting;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Supervision;

/// <summary>
/// Rules:Supervision:Exclusions: a special campaign takes the enterprises it names, and the makers of the products it
/// names, out of the routine plan while its window covers the day the plan would inspect them.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CampaignExclusionTests(GraphServerFactory factory)
{
    private const string Plan = """
        { inspectionPlan(from: "2026-12-01", to: "2027-12-31", first: 500) { totalCount
            edges { node { enterprise { creditCode products { code } } } } } }
        """;

    [Fact]
    public async Task Covered_enterprises_and_makers_leave_the_plan_only_inside_the_window()
    {
        var before = await EntriesAsync(factory.ClientFor("samr-jiaxing"));
        var named = before[0].Code;
        var product = before.Last(e => e.Products.Count > 0).Products[0];
        var ended = before.Skip(1).First(e => !e.Products.Contains(product)).Code;
        using var server = factory.WithWebHostBuilder(b => b
            .UseSetting("Rules:Supervision:Exclusions:0:Name", "Test campaign (专项整治)")
            .UseSetting("Rules:Supervision:Exclusions:0:From", "2026-01-01")
            .UseSetting("Rules:Supervision:Exclusions:0:To", "2027-12-31")
            .UseSetting("Rules:Supervision:Exclusions:0:CreditCodes:0", named)
            .UseSetting("Rules:Supervision:Exclusions:0:ProductCodes:0", product)
            .UseSetting("Rules:Supervision:Exclusions:1:Name", "Ended campaign")
            .UseSetting("Rules:Supervision:Exclusions:1:From", "2025-01-01")
            .UseSetting("Rules:Supervision:Exclusions:1:To", "2025-12-31")
            .UseSetting("Rules:Supervision:Exclusions:1:CreditCodes:0", ended));
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            factory.ClientFor("samr-jiaxing").DefaultRequestHeaders.Authorization;
        var after = await EntriesAsync(client);

        var expected = before.Where(e => e.Code != named && !e.Products.Contains(product)).Select(e => e.Code).ToList();
        Assert.Equal(expected, after.Select(e => e.Code));
        Assert.Contains(ended, after.Select(e => e.Code));
        Assert.True(after.Count < before.Count - 1);
    }

    private static async Task<List<(string Code, List<string> Products)>> EntriesAsync(HttpClient client) =>
        (await client.PostAsync(Plan)).EnsureData().Data.GetProperty("inspectionPlan").GetProperty("edges")
            .EnumerateArray().Select(e => e.GetProperty("node").GetProperty("enterprise"))
            .Select(e => (e.GetProperty("creditCode").GetString()!,
                e.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToList()))
            .ToList();
}
