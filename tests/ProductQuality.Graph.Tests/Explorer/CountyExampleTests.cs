using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Explorer;

/// <summary>
/// A county bureau's IDE tabs are about its own county. The regulator's example files name enterprises of one
/// county, which another county's bureau neither reads nor writes: every example answered "not found" or refused
/// the write, and the tabs showed the bureau other counties' credit codes. Each bureau's examples run on a server of
/// their own, so that a write another test made first (the city's, in <see cref="ExampleTests"/>) cannot turn one
/// into a duplicate.
/// </summary>
public sealed class CountyExampleTests
{
    private static readonly string[] Bureaus =
        ["samr-330402", "samr-330411", "samr-330421", "samr-330424", "samr-330481", "samr-330482", "samr-330483"];

    [Fact]
    public async Task Every_county_bureaus_examples_name_its_own_enterprises_and_run_without_errors()
    {
        using var factory = new WritableServerFactory();
        var policy = factory.Services.GetRequiredService<AccessPolicy>();
        Assert.Equal(Bureaus, policy.Departments.Where(d => policy.ForDepartment(d)!.Rows.County is not null)
            .Order(StringComparer.Ordinal));

        foreach (var bureau in Bureaus)
        {
            await RunExamplesAsync(factory, bureau, policy.ForDepartment(bureau)!.Rows.County!);
        }
    }

    private static async Task RunExamplesAsync(WritableServerFactory factory, string bureau, string county)
    {
        using var client = factory.ClientFor(bureau);
        using var response = await client.GetAsync("/graphql/ide/examples");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
        foreach (var example in body.GetProperty("examples").EnumerateArray())
        {
            var variables = example.GetProperty("variables");
            var name = example.GetProperty("name").GetString();
            foreach (var code in CreditCodesIn(variables))
            {
                var inCounty = await db.Enterprises.AnyAsync(e => e.CreditCode == code && e.CountyCode == county);
                Assert.True(inCounty, $"{bureau}'s example {name} names {code}, not an enterprise of {county}");
            }

            if (variables.ValueKind == JsonValueKind.Object && variables.TryGetProperty("county", out var given))
            {
                Assert.Equal(county, given.GetString());
            }

            var reply = await client.PostAsync(example.GetProperty("query").GetString()!,
                variables.ValueKind == JsonValueKind.Null ? null : variables);
            Assert.True(reply.Status == HttpStatusCode.OK, reply.Body);
            Assert.False(reply.Json.TryGetProperty("errors", out _), $"{bureau} {name} {variables}: {reply.Body}");
        }
    }

    private static IEnumerable<string> CreditCodesIn(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name is "code" or "creditCode" && p.Value.ValueKind == JsonValueKind.String
                ? [p.Value.GetString()!]
                : CreditCodesIn(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(CreditCodesIn),
        _ => [],
    };
}
