using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Audit.CodeIndex;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Bench.Load;

/// <summary>
/// How much the access log grows: its entries and the database's used bytes before and after a run whose only
/// writes are log entries (status reads), so the difference over the entries added is the log's bytes per entry,
/// indexes and page overhead included. SQLite: used pages (page count less free pages, after a WAL checkpoint);
/// PostgreSQL: the total size of the log's tables (entries, their codes, the look-up by code) with their indexes.
/// </summary>
internal sealed record AccessLogGrowth(long Entries, long Bytes)
{
    public static async Task<AccessLogGrowth> MeasureAsync(IServiceProvider services)
    {
        // The look-up by code is filled behind the commits: count it in full, as it will be a moment later.
        await services.GetRequiredService<AccessLogCodeIndexer>().CatchUpAsync(null, CancellationToken.None);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
        var entries = await db.AccessLog.LongCountAsync();
        if (db.Database.IsNpgsql())
        {
            return new AccessLogGrowth(entries, await ScalarAsync(db, """
                SELECT pg_total_relation_size('"AccessLog"') + pg_total_relation_size('"AccessLogCodes"')
                    + pg_total_relation_size('"AccessLogCodeIndex"')
                """));
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        var pages = await ScalarAsync(db, "PRAGMA page_count") - await ScalarAsync(db, "PRAGMA freelist_count");
        return new AccessLogGrowth(entries, pages * await ScalarAsync(db, "PRAGMA page_size"));
    }

    public static string Summary(AccessLogGrowth before, AccessLogGrowth after)
    {
        var added = after.Entries - before.Entries;
        if (added <= 0)
        {
            return "\nNo access log entries were added: growth not measured.\n";
        }

        var bytes = after.Bytes - before.Bytes;
        var perEntry = (double)bytes / added;
        var perMillion = perEntry * 1e6 / 1024 / 1024 / 1024;
        var mebibytes = bytes / 1024.0 / 1024.0;
        return FormattableString.Invariant($"\nAccess log growth: {added:N0} entries added {mebibytes:N1} MiB, ")
            + FormattableString.Invariant($"{perEntry:N0} bytes per entry (indexes included): {perMillion:N2} GiB ")
            + "per million requests.\n";
    }

    private static async Task<long> ScalarAsync(ProductQualityDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
