using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>The <see cref="WarningScopeTests"/> on the embedded SQLite database.</summary>
[Collection(ServerCollection.Name)]
public sealed class WarningScopeOnSqliteTests(GraphServerFactory factory) : WarningScopeTests(factory);
