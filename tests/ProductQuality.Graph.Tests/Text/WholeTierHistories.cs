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
        var products = await EachAsync(client, selection);
        foreach (var product in products)
        {
            Assert.True(product.GetProperty("tierHistory").GetArrayLength() < limit,
                $"{product.GetProperty("code")} has {limit} gradings or more: the test no longer reads its whole "
                + "history");
        }

        return products;
    }

    /// <summary>
    /// Every product with the fields of <paramref name="productSelection"/> as written, a few products a request:
    /// a reader without every fact a tier counts pays for each product's whole history
    /// (<c>GraphQL:Limits:FilteredFieldCosts</c>), and the catalogue's is over its budget.
    /// </summary>
    public static async Task<List<JsonElement>> EachAsync(HttpClient client, string productSelection)
    {
        var codes = (await client.PostAsync("{ products { code } }")).EnsureData().Data.GetProperty("products")
            .EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToList();
        var products = new List<JsonElement>();
        foreach (var chunk in codes.Chunk(PerRequest))
        {
            var fields = string.Join(" ", chunk.Select((code, i) =>
                $"p{i.ToString(CultureInfo.InvariantCulture)}: product(code: \"{code}\") {{ {productSelection} }}"));
            var data = (await client.PostAsync("{ " + fields + " }")).EnsureData().Data;
            for (var i = 0; i < chunk.Length; i++)
            {
                products.Add(data.GetProperty("p" + i.ToString(CultureInfo.InvariantCulture)).Clone());
            }
        }

        return products;
    }
}
