using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>The <see cref="OverrideRaceTests"/> on the embedded SQLite database.</summary>
[Collection(WritableServerCollection.Name)]
public sealed class OverrideRaceOnSqliteTests(WritableServerFactory factory) : OverrideRaceTests(factory);
