using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Enterprises;

/// <summary>
/// The <see cref="InspectionLimitTests"/> on PostgreSQL (skipped locally without PQG_TEST_POSTGRES; always run in CI).
/// </summary>
[OnPostgres]
[Collection(ServerCollection.Name)]
public sealed class InspectionLimitOnPostgresTests(PostgresServerFactory factory) : InspectionLimitTests(factory);
