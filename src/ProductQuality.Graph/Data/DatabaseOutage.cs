using Microsoft.Data.Sqlite;
using Npgsql;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Data;

/// <summary>
/// Tells a database that cannot answer just now (out of connections, unreachable, shutting down, locked by another
/// process) from a fault of the server. An outage is nobody's bug and the request is not to blame: it is answered
/// <c>DATABASE_UNAVAILABLE</c> with a time to retry, and logged as one warning line, not an error with a stack trace
/// for every request while it lasts (a database out of connections otherwise buried the log in them).
/// </summary>
internal static class DatabaseOutage
{
    /// <summary>What callers are told to wait: long enough for a pool to drain or a database to restart.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary><see cref="RetryAfterSeconds"/> as a <c>Retry-After</c> header says it.</summary>
    public static readonly string RetryAfterHeader =
        RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Why the database could not answer, in words that name none of its internals (no host, role or file), or null
    /// when the exception, or any it wraps, is not an outage.
    /// </summary>
    public static string? Reason(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (ReasonOf(e) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>The one line logged for an outage: the reason and what the driver said, no stack trace.</summary>
    public static string Cause(Exception exception)
    {
        var e = exception;
        while (e.InnerException is not null && ReasonOf(e) is null)
        {
            e = e.InnerException;
        }

        return e switch
        {
            PostgresException p => $"{p.GetType().Name} {p.SqlState}: {p.MessageText}",
            SqliteException s => $"{s.GetType().Name} {s.SqliteErrorCode}: {s.Message}",
            _ => $"{e.GetType().Name}: {e.Message}",
        };
    }

    private static string? ReasonOf(Exception e) => e switch
    {
        PostgresException p => p.SqlState switch
        {
            PostgresErrorCodes.TooManyConnections => "is out of connections",
            PostgresErrorCodes.InvalidCatalogName => "named in the configuration does not exist",
            PostgresErrorCodes.QueryCanceled => null, // a statement timeout: the query's cost, not an outage
            PostgresErrorCodes.LockNotAvailable => "is locked by another process",
            { } state when state.StartsWith("08", StringComparison.Ordinal) => "cannot be reached",
            { } state when state.StartsWith("53", StringComparison.Ordinal) => "is out of disk space or memory",
            { } state when state.StartsWith("57", StringComparison.Ordinal) => "is shutting down or starting up",
            _ => null,
        },

        // Not a PostgreSQL answer but Npgsql's own: no connection came free in the pool's wait, the server could not be
        // reached, or the connection broke. Npgsql marks exactly these transient.
        NpgsqlException { IsTransient: true } n => n.InnerException is TimeoutException
            ? "did not answer in time, or is out of connections"
            : "cannot be reached",
        SqliteException s => s.SqliteErrorCode switch
        {
            5 or 6 => "is locked by another process", // SQLITE_BUSY, SQLITE_LOCKED: past the busy timeout
            // SQLITE_READONLY: the file or its folder, or the connection string's Mode=ReadOnly.
            8 => "cannot be written (the file or its folder is read-only to this server, or it is opened read-only)",
            10 => "cannot be read or written (an I/O error)", // SQLITE_IOERR
            13 => "is out of disk space", // SQLITE_FULL
            14 => "cannot be opened", // SQLITE_CANTOPEN
            _ => null,
        },
        _ => null,
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, WarningThrottle> Sites = new();

    /// <summary>
    /// Whether a warning about an outage may be written now from <paramref name="site"/>: one every
    /// <see cref="LogEvery"/> per site, saying how many were left out since.
    /// </summary>
    public static bool ShouldLog(string site, out long leftOut) =>
        Sites.GetOrAdd(site, _ => new WarningThrottle(LogEvery)).ShouldWarn(out leftOut);

    /// <summary>One outage warning per site per this time.</summary>
    public static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);

    /// <summary>What the caller is told: not their fault, when to retry, and the id to report if it lasts.</summary>
    public static string Message(string reason, string? requestId) =>
        $"The database {reason}, so nothing could be read or written; the request itself is fine. Retry after "
        + $"{RetryAfterSeconds} s, and if this persists report request id {requestId ?? "(none)"} to the bureau.";
}
