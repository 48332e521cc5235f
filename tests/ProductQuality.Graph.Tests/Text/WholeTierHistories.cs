using System.Globalization;
using System.Text.Json;
using ProductQuality.Graph.Products;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Text;

/// <summary>
/// Every product with its whole tier history, for properties over every grading: read four products a request, as
/// the catalogue's histories with their explanations in one request are over any department's cost budget (as they
/// should be: <c>tierHistory</c> gives the newest 20 unless asked, at most 500).
/// </summary>
public static class WholeTierHistories
{
    private const int PerRequest = 4;

    /// <summary>
    /// The products (each with the fields of <paramref name="productSelection"/>, whose <c>tierHistory</c> is read
    /// whole); a history as long as the largest limit fails the test, which would no longer read every grading.
    /// </summary>
    public static async Task<List<JsonElement>> ReadAsync(HttpClient client, string productSelection)
    {
        var limit = ProductLoaders.MaxTierHistoryLimit;
        var selection = productSelection.Replace("tierHistory {", $"tierHistory(limit: {limit}) {{",
            StringComparison.Ordinal);
        Assert.Contains("tierHistory(limit:", selection, StringComparison.Ordinal);
        var codes = (await client.PostAsync("{ products { code } }")).EnsureData().Data.GetProperty("products")
            .EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToList();
        var products = new List<JsonElement>();
        foreach (var chunk in codes.Chunk(PerRequest))
        {
            var fields = string.Join(" ", chunk.Select((code, i) =>
                $"p{i.ToString(CultureInfo.InvariantCulture)}: product(code: \"{code}\") {{ {selection} }}"));
            var data = (await client.PostAsync("{ " + fields + " }")).EnsureData().Data;
            for (var i = 0; i < chunk.Length; i++)
            {
                var product = data.GetProperty("p" + i.ToString(CultureInfo.InvariantCulture)).Clone();
                Assert.True(product.GetProperty("tierHistory").GetArrayLength() < limit,
                    $"{chunk[i]} has {limit} gradings or more: the test no longer reads its whole history");
                products.Add(product);
            }
        }

        return products;
    }
}
