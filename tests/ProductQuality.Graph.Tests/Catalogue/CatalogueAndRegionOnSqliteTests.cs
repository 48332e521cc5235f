using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Catalogue;

/// <summary>The <see cref="CatalogueAndRegionTests"/> on the embedded SQLite database.</summary>
[Collection(ServerCollection.Name)]
public sealed class CatalogueAndRegionOnSqliteTests(GraphServerFactory factory) : CatalogueAndRegionTests(factory);
