using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Blacklist;

/// <summary>The <see cref="BlacklistCheckTests"/> on the embedded SQLite database.</summary>
[Collection(ServerCollection.Name)]
public sealed class BlacklistCheckOnSqliteTests(GraphServerFactory factory) : BlacklistCheckTests(factory);
