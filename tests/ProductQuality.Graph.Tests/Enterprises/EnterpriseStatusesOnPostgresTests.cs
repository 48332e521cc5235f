using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Enterprises;

/// <summary>The <see cref="EnterpriseStatusesTests"/> on PostgreSQL (skipped without PQG_TEST_POSTGRES).</summary>
[OnPostgres]
[Collection(ServerCollection.Name)]
public sealed class EnterpriseStatusesOnPostgresTests(PostgresServerFactory factory) : EnterpriseStatusesTests(factory);
