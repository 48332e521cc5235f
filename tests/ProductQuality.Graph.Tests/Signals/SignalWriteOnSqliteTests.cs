using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Signals;

/// <summary>The <see cref="SignalWriteTests"/> on the embedded SQLite database.</summary>
[Collection(WritableServerCollection.Name)]
public sealed class SignalWriteOnSqliteTests(WritableServerFactory factory) : SignalWriteTests(factory);
