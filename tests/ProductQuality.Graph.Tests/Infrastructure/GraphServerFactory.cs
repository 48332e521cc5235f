using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ProductQuality.Graph.Tests.Infrastructure;

/// <summary>
/// The real server pipeline over a real SQLite file, seeded once per test run with a small deterministic data set
/// whose "today" is pinned, so snapshots stay stable. Only configuration is overridden.
/// </summary>
public sealed class GraphServerFactory : WebApplicationFactory<Program>
{
    public const int Enterprises = 400;
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"pq-tests-{Guid.NewGuid():N}.db");

    public SqlCounter Sql { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:ConnectionString", $"Data Source={_databasePath}");
        builder.UseSetting("Database:SeedEnterprises", Enterprises.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Database:SeedToday", "2026-11-28");
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(Sql));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}
