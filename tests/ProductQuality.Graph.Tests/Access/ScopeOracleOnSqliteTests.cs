using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>The <see cref="ScopeOracleTests"/> on the embedded SQLite database (a server of their own: they write, or
/// would, were a refusal to leak).</summary>
[Collection(WritableServerCollection.Name)]
public sealed class ScopeOracleOnSqliteTests(WritableServerFactory factory) : ScopeOracleTests(factory);
