using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Enterprises;

/// <summary>The <see cref="EnterpriseStatusesTests"/> on the embedded SQLite database.</summary>
[Collection(ServerCollection.Name)]
public sealed class EnterpriseStatusesOnSqliteTests(GraphServerFactory factory) : EnterpriseStatusesTests(factory);
