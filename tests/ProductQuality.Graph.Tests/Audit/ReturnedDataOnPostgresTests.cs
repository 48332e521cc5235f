using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>The <see cref="ReturnedDataTests"/> on PostgreSQL (skipped locally without PQG_TEST_POSTGRES).</summary>
[OnPostgres]
[Collection(ServerCollection.Name)]
public sealed class ReturnedDataOnPostgresTests(PostgresServerFactory factory) : ReturnedDataTests(factory);
