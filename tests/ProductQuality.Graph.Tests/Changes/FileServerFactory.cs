using Microsoft.AspNetCore.Hosting;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Changes;

/// <summary>
/// A server over a SQLite file the test names, so a second server can start on what the first left: a restart.
/// The test deletes the file.
/// </summary>
public sealed class FileServerFactory(string path) : TestServerFactory
{
    protected override void ConfigureDatabase(IWebHostBuilder builder) =>
        builder.UseSetting("Database:ConnectionString", $"Data Source={path}");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
