using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Signals;

/// <summary>
/// The <see cref="SignalWriteTests"/> on PostgreSQL, where the column lengths are enforced by the database (skipped
/// locally without PQG_TEST_POSTGRES; always run in CI).
/// </summary>
[OnPostgres]
[Collection(WritablePostgresServerCollection.Name)]
public sealed class SignalWriteOnPostgresTests(WritablePostgresServerFactory factory) : SignalWriteTests(factory);
