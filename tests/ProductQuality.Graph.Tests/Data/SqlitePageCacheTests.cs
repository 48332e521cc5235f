using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Limits;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// Every SQLite connection EF opens has the configured page cache (SQLite's own 2 MiB made a page of enterprises with
/// their latest inspections re-read its pages from the file on every request), also when it comes back from the pool.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SqlitePageCacheTests(GraphServerFactory factory)
{
    [Fact]
    public async Task A_connection_has_the_default_16_mib_cache()
    {
        using var _ = factory.CreateClient();
        Assert.Equal(-16 * 1024, await CacheSizeAsync(factory.Services));
    }

    [Fact]
    public async Task The_setting_sizes_the_cache_of_new_and_pooled_connections()
    {
        using var server = new LimitedServer(factory, new Dictionary<string, string>
        {
            ["Database:SqlitePageCacheMiB"] = "24",
        });

        // New physical connections first; then the same handles again from the pool, already configured.
        SqliteConnection.ClearAllPools();
        Assert.Equal(-24 * 1024, await CacheSizeAsync(server.Services));
        Assert.Equal(-24 * 1024, await CacheSizeAsync(server.Services));
    }

    private static async Task<long> CacheSizeAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            return await SqlitePragma.ReadAsync(db.Database.GetDbConnection(), "cache_size");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
