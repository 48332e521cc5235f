using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>
/// The <see cref="ScopeOracleTests"/> on PostgreSQL (skipped locally without PQG_TEST_POSTGRES; always run in CI).
/// </summary>
[OnPostgres]
[Collection(WritablePostgresServerCollection.Name)]
public sealed class ScopeOracleOnPostgresTests(WritablePostgresServerFactory factory) : ScopeOracleTests(factory);
