using ProductQuality.Graph.Products;
using ProductQuality.Graph.Regions;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>Everything in ReferenceData/*.csv: the entities to insert and the generator's vocabulary.</summary>
/// <param name="Regions">City, counties and towns.</param>
/// <param name="Categories">The 13 categories.</param>
/// <param name="Products">The 273 products (tier and score not yet graded).</param>
/// <param name="Profiles">Failure rates and items by product code.</param>
/// <param name="Clusters">Where each industry is.</param>
/// <param name="Names">Name vocabulary.</param>
/// <param name="Signals">Which external risk signals each product attracts, and how often (signals.csv).</param>
/// <param name="Counties">How each county's makers differ from the city's baseline (counties.csv).</param>
public sealed record ReferenceDataSet(
    IReadOnlyList<Region> Regions,
    IReadOnlyList<ProductCategory> Categories,
    IReadOnlyList<Product> Products,
    IReadOnlyDictionary<string, ProductProfile> Profiles,
    IReadOnlyList<ClusterWeight> Clusters,
    NameVocabulary Names,
    IReadOnlyList<SignalPattern> Signals,
    IReadOnlyDictionary<string, CountyProfile> Counties);
