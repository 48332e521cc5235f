using Microsoft.AspNetCore.Hosting;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>The test server over a temporary SQLite file (the embedded default provider), deleted on dispose.</summary>
public class GraphServerFactory : TestServerFactory
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"pq-tests-{Guid.NewGuid():N}.db");

    /// <summary>The SQLite file, for verbs run as processes over the same data.</summary>
    public string DatabasePath => _databasePath;

    protected override void ConfigureDatabase(IWebHostBuilder builder) =>
        builder.UseSetting("Database:ConnectionString", $"Data Source={_databasePath}");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".lock" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}
