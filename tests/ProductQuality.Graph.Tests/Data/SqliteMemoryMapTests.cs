using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// Every connection a request's context opens reads the SQLite file through the memory map of
/// <c>Database:SqliteMemoryMapMegabytes</c> (256 MiB by default): new connections and those reused from the pool.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SqliteMemoryMapTests(GraphServerFactory factory)
{
    private const long DefaultBytes = 256L * 1024 * 1024;

    [Fact]
    public async Task Every_connection_a_context_opens_is_memory_mapped()
    {
        // Idle pooled connections could carry the setting from an earlier use; start from new ones.
        SqliteConnection.ClearAllPools();
        for (var i = 0; i < 3; i++)
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
            await db.Database.OpenConnectionAsync();
            try
            {
                Assert.Equal(DefaultBytes, await MemoryMapAsync(db.Database.GetDbConnection()));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    [Fact]
    public async Task A_query_through_a_new_connection_reads_mapped()
    {
        SqliteConnection.ClearAllPools();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();

        // EF opens and closes the connection around the query; the next open finds the same pooled handle mapped.
        Assert.True(await db.Enterprises.AnyAsync());
        await db.Database.OpenConnectionAsync();
        Assert.Equal(DefaultBytes, await MemoryMapAsync(db.Database.GetDbConnection()));
        await db.Database.CloseConnectionAsync();
    }

    private static async Task<long> MemoryMapAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA mmap_size";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
