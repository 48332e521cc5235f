using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Text;

/// <summary>The <see cref="LongHistoryTests"/> on SQLite, on the write tests' server.</summary>
[Collection(WritableServerCollection.Name)]
public sealed class LongHistoryOnSqliteTests(WritableServerFactory factory) : LongHistoryTests(factory);
