using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProductQuality.Graph.Data;

/// <summary>
/// How a SQLite write transaction waits for another one. SQLite lets one connection write at a time; a transaction
/// that finds the file locked gets <c>SQLITE_BUSY</c>, and Microsoft.Data.Sqlite answers that by sleeping 150 ms
/// before it tries again. SQLite's own busy handler, switched on by <c>PRAGMA busy_timeout</c>, retries after 1, 2, 5,
/// 10 … ms instead, so the waiter starts about when the lock is released.
/// </summary>
/// <remarks>
/// Found in the access log's benchmark: its writer holds every request of a batch while it waits, and meeting the
/// code indexer's transaction (a few milliseconds once a second) stalled all of them for 150 ms — p99 of the status
/// query 155 ms with the log on against 23 ms without it, about 5 % of the time with no request answered. The
/// timeout is a setting of the connection (kept while it waits in the pool), so it is set before every write
/// transaction: the access log's plain connections when they open, EF's through <see cref="Interceptor"/>.
/// Reads do not need it: in WAL mode they never wait for a writer.
/// </remarks>
public static class SqliteBusyTimeout
{
    /// <summary>As long as Microsoft.Data.Sqlite's default command timeout: past it, the command fails as before.
    /// </summary>
    public const int Milliseconds = 30_000;

    private static readonly string Pragma =
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {Milliseconds}");

    /// <summary>Sets the timeout on an open connection; does nothing on another provider's.</summary>
    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is SqliteConnection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The same, synchronously (EF's synchronous transactions).</summary>
    public static void Apply(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is SqliteConnection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Sets the timeout before every transaction an EF context begins on SQLite (reads begin none).</summary>
    public sealed class Interceptor : DbTransactionInterceptor
    {
        public static readonly Interceptor Instance = new();

        private Interceptor()
        {
        }

        public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
        {
            Apply(connection);
            return result;
        }

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
            CancellationToken cancellationToken = default)
        {
            await ApplyAsync(connection, cancellationToken);
            return result;
        }
    }
}
