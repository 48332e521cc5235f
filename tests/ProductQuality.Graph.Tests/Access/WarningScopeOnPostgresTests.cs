using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>
/// The <see cref="WarningScopeTests"/> on PostgreSQL (skipped locally without PQG_TEST_POSTGRES; always run in CI).
/// </summary>
[OnPostgres]
[Collection(ServerCollection.Name)]
public sealed class WarningScopeOnPostgresTests(PostgresServerFactory factory) : WarningScopeTests(factory);
