using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Enforcement;

/// <summary>
/// The <see cref="StoredAlikeTests"/> on PostgreSQL (skipped locally without PQG_TEST_POSTGRES; always run in CI).
/// </summary>
[OnPostgres]
[Collection(WritablePostgresServerCollection.Name)]
public sealed class StoredAlikeOnPostgresTests(WritablePostgresServerFactory factory) : StoredAlikeTests(factory);
