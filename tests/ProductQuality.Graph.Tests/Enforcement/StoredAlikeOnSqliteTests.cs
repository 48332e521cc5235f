using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Enforcement;

/// <summary>The <see cref="StoredAlikeTests"/> on the embedded SQLite database.</summary>
[Collection(WritableServerCollection.Name)]
public sealed class StoredAlikeOnSqliteTests(WritableServerFactory factory) : StoredAlikeTests(factory);
