using ProductQuality.Graph.Regions;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Where enterprises are and what they make, from clusters.csv: a town's weight is its own cluster rows
/// plus its share of its county's rows (spread evenly over the county's towns); a town's products are
/// drawn from its own rows and its county's.
/// </summary>
internal sealed class Geography
{
    private readonly Dictionary<string, WeightedTable<string>> productsByTown = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> productsByCategory;

    public Geography(ReferenceDataSet reference)
    {
        Regions = reference.Regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
        productsByCategory = reference.Products.GroupBy(p => p.CategoryCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Code).Order(StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal);
        var towns = reference.Regions.Where(r => r.CountyCode is not null && r.Level != RegionLevel.County).ToList();
        var townsPerCounty = towns.GroupBy(t => t.CountyCode!)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rows = reference.Clusters.ToLookup(c => c.RegionCode, StringComparer.Ordinal);
        var townWeights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var town in towns)
        {
            var county = town.CountyCode!;
            townWeights[town.Code] = rows[town.Code].Sum(c => c.Weight)
                + (rows[county].Sum(c => c.Weight) / (double)townsPerCounty[county]);

            // A town's own industry is concentrated there, so its rows count double against the county baseline.
            var products = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var c in rows[county])
            {
                products[c.ProductCode] = products.GetValueOrDefault(c.ProductCode) + c.Weight;
            }

            foreach (var c in rows[town.Code])
            {
                products[c.ProductCode] = products.GetValueOrDefault(c.ProductCode) + (2.0 * c.Weight);
            }

            productsByTown[town.Code] = new WeightedTable<string>(products);
        }

        Towns = new WeightedTable<string>(townWeights);
    }

    public IReadOnlyDictionary<string, Region> Regions { get; }

    public WeightedTable<string> Towns { get; }

    public WeightedTable<string> ProductsOf(string townCode) => productsByTown[townCode];

    /// <summary>Every product of a category, for a maker whose town makes too few of its industry.</summary>
    public IReadOnlyList<string> CategoryProducts(string categoryCode) => productsByCategory[categoryCode];

    /// <summary>The place word used in names: 海宁 for 海宁市; the city's districts use 嘉兴.</summary>
    public string PlaceWord(string countyCode)
    {
        var name = Regions[countyCode].Name;
        return name.EndsWith('区') ? "嘉兴" : name[..^1];
    }

    /// <summary>A town's short name: 许村 for 许村镇, 海洲 for 海洲街道.</summary>
    public string TownWord(string townCode)
    {
        var name = Regions[townCode].Name;
        return name.EndsWith("街道", StringComparison.Ordinal) ? name[..^2] : name[..^1];
    }
}
