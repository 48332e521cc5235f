using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProductQuality.Graph.Data;

/// <summary>
/// Gives every SQLite connection EF opens a page cache of <see cref="DatabaseOptions.SqlitePageCacheMiB"/>, once per
/// physical connection. SQLite's default is 2 MiB a connection: too small for a page of 100 enterprises with their
/// latest inspections, whose rows lie all over the table. With it, the read connections evicted and re-read pages
/// on every request: in an on-CPU profile of that page's benchmark, about 500 µs a request went to <c>pread</c>, the
/// kernel's page copies and the system-call exits around them. With 16 MiB the bench's reads stay in memory.
/// </summary>
/// <remarks>
/// Each pooled connection has a cache of its own, filled only as pages are read: the memory bound is the size times
/// the connections open at once. Microsoft.Data.Sqlite keeps a closed connection's native handle in its pool with
/// its settings, so the handle remembers that it is set and later opens cost one look-up. In WAL mode any commit
/// (a write, an access log batch) empties every other connection's cache: the size helps reads between writes.
/// </remarks>
internal sealed class SqlitePageCache(int mebibytes) : DbConnectionInterceptor
{
    // Keyed by the native handle, which outlives the SqliteConnection objects that borrow it from the pool.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> configured = new();

    // A negative cache_size is in KiB rather than pages, so it holds whatever the page size.
    private readonly string pragma = string.Create(CultureInfo.InvariantCulture,
        $"PRAGMA cache_size = {-(long)mebibytes * 1024}");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Unconfigured(connection) is { } handle)
        {
            using var command = connection.CreateCommand();
            command.CommandText = pragma;
            command.ExecuteNonQuery();
            configured.AddOrUpdate(handle, handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (Unconfigured(connection) is { } handle)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
            configured.AddOrUpdate(handle, handle);
        }
    }

    private SQLitePCL.sqlite3? Unconfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && !configured.TryGetValue(handle, out _)
            ? handle
            : null;
}
