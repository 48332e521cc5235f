using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Text;

/// <summary>
/// The <see cref="LongHistoryTests"/> on PostgreSQL, over a database of its own (a class fixture, not the shared
/// read server, whose answers the provider-parity tests compare with SQLite's). Skipped without PQG_TEST_POSTGRES.
/// </summary>
[OnPostgres]
public sealed class LongHistoryOnPostgresTests(PostgresServerFactory factory)
    : LongHistoryTests(factory), IClassFixture<PostgresServerFactory>;
