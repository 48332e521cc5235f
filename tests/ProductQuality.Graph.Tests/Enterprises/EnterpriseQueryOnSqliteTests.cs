using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Enterprises;

/// <summary>The <see cref="EnterpriseQueryTests"/> on the embedded SQLite database.</summary>
[Collection(ServerCollection.Name)]
public sealed class EnterpriseQueryOnSqliteTests(GraphServerFactory factory) : EnterpriseQueryTests(factory);
