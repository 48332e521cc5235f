using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>The <see cref="NumberRaceTests"/> on the embedded SQLite database.</summary>
[Collection(WritableServerCollection.Name)]
public sealed class NumberRaceOnSqliteTests(WritableServerFactory factory) : NumberRaceTests(factory);
