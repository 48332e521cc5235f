using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>
/// The <see cref="OverrideRaceTests"/> on PostgreSQL (skipped locally without PQG_TEST_POSTGRES; always run in CI).
/// </summary>
[OnPostgres]
[Collection(WritablePostgresServerCollection.Name)]
public sealed class OverrideRaceOnPostgresTests(WritablePostgresServerFactory factory) : OverrideRaceTests(factory);
