using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>
/// The <see cref="JurisdictionTests"/> on PostgreSQL (skipped locally without PQG_TEST_POSTGRES; always run in CI).
/// </summary>
[OnPostgres]
[Collection(ServerCollection.Name)]
public sealed class JurisdictionOnPostgresTests(PostgresServerFactory factory) : JurisdictionTests(factory);
