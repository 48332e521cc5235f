using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Audit;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// Every write path on SQLite waits for another writer with SQLite's busy handler (short retries), not
/// Microsoft.Data.Sqlite's 150 ms sleep: the access log's plain connections and the transactions of EF's contexts
/// (the request pipeline's and the log store's own) carry the timeout; and a request whose log entry meets a write
/// lock held elsewhere is answered and logged once the lock goes.
/// </summary>
[Collection(AccessLogServerCollection.Name)]
public sealed class SqliteBusyTimeoutTests(AccessLogServerFactory factory)
{
    [Fact]
    public async Task The_access_logs_connections_and_efs_write_transactions_carry_the_busy_timeout()
    {
        // Idle pooled connections could carry the setting from an earlier use; start from new ones.
        SqliteConnection.ClearAllPools();
        var store = factory.Services.GetRequiredService<AccessLogStore>();
        await using (var connection = await store.OpenConnectionAsync(CancellationToken.None))
        {
            Assert.Equal(SqliteBusyTimeout.Milliseconds, await BusyTimeoutAsync(connection));
        }

        using var scope = factory.Services.CreateScope();
        await AssertTransactionsCarryItAsync(scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>());
        await using var archiverContext = store.CreateContext();
        await AssertTransactionsCarryItAsync(archiverContext);
    }

    private static async Task AssertTransactionsCarryItAsync(ProductQualityDbContext db)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.Equal(SqliteBusyTimeout.Milliseconds, await BusyTimeoutAsync(db.Database.GetDbConnection()));
    }

    [Fact]
    public async Task A_request_whose_entry_meets_another_writer_is_answered_and_logged_when_the_lock_goes()
    {
        var client = factory.ClientFor("finance");
        var purpose = AccessLogProbe.NewPurpose("busy");
        await using var holder = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await holder.OpenAsync();
        await using var held = holder.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write lock

        var request = client.PostAsync("{ enterprises(first: 2) { edges { node { name } } } }", purpose);
        await Task.Delay(50);
        Assert.False(request.IsCompleted, "the answer must wait for its entry, and the entry for the lock");
        await held.RollbackAsync();

        (await request).EnsureData();
        Assert.Equal(2, (await factory.EntryAsync(purpose)).CodeCount);
    }

    private static Task<long> BusyTimeoutAsync(DbConnection connection) =>
        SqlitePragma.ReadAsync(connection, "busy_timeout");
}
