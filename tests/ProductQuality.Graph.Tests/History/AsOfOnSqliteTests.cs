using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.History;

/// <summary>The <see cref="AsOfTests"/> on the embedded SQLite database.</summary>
[Collection(ServerCollection.Name)]
public sealed class AsOfOnSqliteTests(GraphServerFactory factory) : AsOfTests(factory);
