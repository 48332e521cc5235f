using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ProductQuality.Graph.Data;

/// <summary>A call of an operation in flight: when it began, and on what it may be waiting for a lock.</summary>
/// <param name="Started">When the command, or the transaction's beginning, started.</param>
/// <param name="ProcessId">PostgreSQL: the backend process of its connection.</param>
/// <param name="Beginning">SQLite: the connection beginning a write transaction (BEGIN IMMEDIATE), which waits for
/// the file's write lock.</param>
internal readonly record struct CallInFlight(DateTimeOffset Started, int? ProcessId, DbConnection? Beginning);

/// <summary>
/// Tells a call waiting for a lock that a session outside this server's own work holds. The <c>SELECT 1</c> probe
/// does not touch a locked table, so a query stuck behind psql's <c>LOCK TABLE "Enterprises"</c> was judged to be
/// spending the time on its own statements (400 QUERY_TIMEOUT, "do not send it again as it is"), and a write on SQLite
/// behind another process's <c>BEGIN EXCLUSIVE</c> was told it waited for the server's own writes.
/// </summary>
/// <remarks>
/// Looked at shortly before the deadline (<see cref="DatabaseWaits"/>): at the deadline the statement is cancelled,
/// and its backend no longer waits by the time anyone could ask. The server's own connections are known from their
/// openings, so a lock one of them holds (another request's write, a due re-evaluation) is not counted.
/// </remarks>
internal sealed class DatabaseLocks(IServiceProvider services, ILogger<DatabaseLocks> logger)
{
    // PostgreSQL: who holds what a waiting backend wants. The re-evaluation lock (advisory) is every write's turn,
    // taken by a recompute batch and the writes of other servers on the database too: a write waiting for it keeps
    // the answer that says writes run one at a time, unless the turn's holder (or whoever it waits for, a few steps
    // down) itself waits for a table or row lock held outside this server. Under psql's LOCK TABLE "Complaints" the
    // first write waited for psql (503) and the writes queued behind its turn were told they waited for a batch in
    // progress (400 QUERY_TIMEOUT), though psql held up all three.
    private const string BlockedElsewhere = """
        WITH RECURSIVE behind(waiting, pid, depth) AS (
            SELECT w.pid, w.pid, 0 FROM unnest(@waiting) AS w(pid)
            UNION
            SELECT behind.waiting, b.pid, behind.depth + 1
            FROM behind CROSS JOIN LATERAL unnest(pg_blocking_pids(behind.pid)) AS b(pid)
            WHERE behind.depth < 3)
        SELECT DISTINCT behind.waiting FROM behind JOIN pg_stat_activity a ON a.pid = behind.pid
        WHERE a.wait_event_type = 'Lock' AND a.wait_event IS DISTINCT FROM 'advisory'
          AND EXISTS (SELECT FROM unnest(pg_blocking_pids(behind.pid)) AS b(pid) WHERE b.pid <> ALL(@own))
        """;

    private readonly ConcurrentDictionary<DbConnection, int> _open = new();

    /// <summary>A connection of this server was opened (any operation's, or its background work's).</summary>
    public void Opened(DbConnection connection) =>
        _open[connection] = connection is NpgsqlConnection postgres ? postgres.ProcessID : 0;

    /// <summary>It is being closed: whatever its transaction held is released.</summary>
    public void Closing(DbConnection connection) => _open.TryRemove(connection, out _);

    /// <summary>
    /// Which of <paramref name="calls"/> wait for a lock held outside this server's own work: on PostgreSQL, a
    /// backend waiting for a lock with a holder that is none of this server's connections, or waiting for a backend
    /// that does (advisory or not, its own or not); on SQLite, a write transaction being begun while none of this
    /// server's connections holds one.
    /// </summary>
    public async Task<IReadOnlyCollection<Guid>> HeldElsewhereAsync(IReadOnlyDictionary<Guid, CallInFlight> calls)
    {
        var sqlite = calls.Where(c => c.Value.Beginning is SqliteConnection).ToList();
        if (sqlite.Count > 0)
        {
            var waiting = sqlite.Select(c => c.Value.Beginning!).ToHashSet();
            return _open.Keys.Any(c => !waiting.Contains(c) && InTransaction(c)) ? [] : sqlite.ConvertAll(c => c.Key);
        }

        var postgres = calls.Where(c => c.Value.ProcessId is > 0).ToList();
        return postgres.Count == 0 || services.GetService<PostgresConnectionString>() is not { } connectionString
            ? []
            : await BlockedOnPostgresAsync(connectionString.Value, postgres);
    }

    private async Task<IReadOnlyCollection<Guid>> BlockedOnPostgresAsync(string connectionString,
        List<KeyValuePair<Guid, CallInFlight>> calls)
    {
        try
        {
            using var cancel = new CancellationTokenSource(DatabaseProbe.AnswerWithin);
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancel.Token);
            await using var command = new NpgsqlCommand(BlockedElsewhere, connection);
            command.Parameters.AddWithValue("waiting", calls.Select(c => c.Value.ProcessId!.Value).ToArray());
            command.Parameters.AddWithValue("own", _open.Values.Where(pid => pid > 0).ToArray());
            var blocked = new HashSet<int>();
            await using var reader = await command.ExecuteReaderAsync(cancel.Token);
            while (await reader.ReadAsync(cancel.Token))
            {
                blocked.Add(reader.GetInt32(0));
            }

            return calls.Where(c => blocked.Contains(c.Value.ProcessId!.Value)).Select(c => c.Key).ToList();
        }
#pragma warning disable CA1031 // Not known to wait for a lock: judged as before (the probe beside it).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogDebug(ex, "Could not ask PostgreSQL whether a request's statement waits for a lock");
            return [];
        }
    }

    // sqlite3_get_autocommit only reads a flag, without the connection's mutex, which a connection waiting in
    // SQLite's busy handler holds. A transaction of ours is a write: EF begins BEGIN IMMEDIATE, and reads none.
    private static bool InTransaction(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;
}
