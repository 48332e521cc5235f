using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.History;

/// <summary>
/// The <see cref="AsOfTests"/> on PostgreSQL (skipped locally without PQG_TEST_POSTGRES; always run in CI).
/// </summary>
[OnPostgres]
[Collection(ServerCollection.Name)]
public sealed class AsOfOnPostgresTests(PostgresServerFactory factory) : AsOfTests(factory);
