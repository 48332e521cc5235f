using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>The <see cref="ReturnedDataTests"/> on the embedded SQLite database.</summary>
[Collection(ServerCollection.Name)]
public sealed class ReturnedDataOnSqliteTests(GraphServerFactory factory) : ReturnedDataTests(factory);
