using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Blacklist;

/// <summary>The <see cref="BlacklistCheckTests"/> on PostgreSQL (skipped locally without PQG_TEST_POSTGRES).</summary>
[OnPostgres]
[Collection(ServerCollection.Name)]
public sealed class BlacklistCheckOnPostgresTests(PostgresServerFactory factory) : BlacklistCheckTests(factory);
