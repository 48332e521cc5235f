using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Enterprises;

/// <summary>The <see cref="InspectionLimitTests"/> on SQLite.</summary>
[Collection(ServerCollection.Name)]
public sealed class InspectionLimitOnSqliteTests(GraphServerFactory factory) : InspectionLimitTests(factory);
