using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>The <see cref="JurisdictionTests"/> on the embedded SQLite database.</summary>
[Collection(ServerCollection.Name)]
public sealed class JurisdictionOnSqliteTests(GraphServerFactory factory) : JurisdictionTests(factory);
