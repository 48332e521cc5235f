using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Catalogue;

/// <summary>
/// The <see cref="CatalogueAndRegionTests"/> on PostgreSQL (skipped locally without PQG_TEST_POSTGRES; always run in
/// CI).
/// </summary>
[OnPostgres]
[Collection(ServerCollection.Name)]
public sealed class CatalogueAndRegionOnPostgresTests(PostgresServerFactory factory) : CatalogueAndRegionTests(factory);
