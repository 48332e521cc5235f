using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Enterprises;

/// <summary>
/// The <see cref="EnterpriseQueryTests"/> on PostgreSQL (skipped locally without PQG_TEST_POSTGRES; always run in CI).
/// </summary>
[OnPostgres]
[Collection(ServerCollection.Name)]
public sealed class EnterpriseQueryOnPostgresTests(PostgresServerFactory factory) : EnterpriseQueryTests(factory);
