using System.Text;
using System.Text.Json;

namespace ProductQuality.Graph.Bench.Load;

/// <summary>
/// Before measuring, proves each pair answers the same data (products, inspections, page order), so a faster plain
/// endpoint cannot be faster because it does less.
/// </summary>
internal static class Equivalence
{
    public static async Task<IReadOnlyList<string>> CheckAsync(
        HttpClient client, IReadOnlyList<Scenario> scenarios, BenchData data)
    {
        var differences = new List<string>();
        var byName = scenarios.ToDictionary(s => s.Name);
        for (var n = 0; n < Math.Min(10, data.CreditCodes.Count); n++)
        {
            var graph = await FetchAsync(client, byName["GraphQL status"], n);
            var plain = await FetchAsync(client, byName["plain status"], n);
            var g = Fingerprint(graph.RootElement.GetProperty("data").GetProperty("enterprise"));
            var p = Fingerprint(plain.RootElement);
            if (g != p)
            {
                differences.Add($"status of {data.CreditCodes[n]}: GraphQL {g} vs plain {p}");
            }
        }

        foreach (var (graphName, plainName) in new[]
        {
            ("GraphQL page", "plain page"), ("GraphQL page + latest inspection", "plain page + latest inspection"),
        })
        {
            await ComparePagesAsync(client, byName[graphName], byName[plainName], data, differences);
        }

        return differences;
    }

    private static async Task ComparePagesAsync(
        HttpClient client, Scenario graphQL, Scenario plainTwin, BenchData data, List<string> differences)
    {
        for (var n = 0; n < data.Counties.Count; n++)
        {
            var graph = await FetchAsync(client, graphQL, n);
            var plain = await FetchAsync(client, plainTwin, n);
            var g = string.Join(',', graph.RootElement.GetProperty("data").GetProperty("enterprises")
                .GetProperty("edges").EnumerateArray()
                .Select(e => Fingerprint(e.GetProperty("node"))));
            var p = string.Join(',', plain.RootElement.GetProperty("items").EnumerateArray().Select(Fingerprint));
            if (g != p)
            {
                differences.Add($"{graphQL.Name} of county {data.Counties[n]}: the two endpoints list different rows");
            }
        }
    }

    private static async Task<JsonDocument> FetchAsync(HttpClient client, Scenario scenario, long n)
    {
        using var request = scenario.Create(n);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
    }

    /// <summary>
    /// Code, class, health, product codes and tiers, inspection report numbers: enough to tell two answers apart.
    /// </summary>
    private static string Fingerprint(JsonElement enterprise)
    {
        var text = new StringBuilder();
        text.Append(enterprise.GetProperty("creditCode").GetString()).Append('|')
            .Append(enterprise.GetProperty("class").GetString()).Append('|')
            .Append(enterprise.GetProperty("healthCode").GetString()).Append('|');
        foreach (var product in enterprise.GetProperty("products").EnumerateArray())
        {
            text.Append(product.GetProperty("code").GetString()).Append(':')
                .Append(product.GetProperty("tier").GetString()).Append(' ');
        }

        if (enterprise.TryGetProperty("inspections", out var inspections))
        {
            foreach (var inspection in inspections.EnumerateArray())
            {
                text.Append('|').Append(inspection.GetProperty("reportNumber").GetString())
                    .Append('/').Append(inspection.GetProperty("failedItems").GetArrayLength());
            }
        }

        return text.ToString();
    }
}
