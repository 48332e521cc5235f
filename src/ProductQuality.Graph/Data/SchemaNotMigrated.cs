using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ProductQuality.Graph.Data;

/// <summary>
/// A statement found a table or column of this server missing: the database lacks a migration (a server started
/// with Database:MigrateOnStart=false before it was migrated). Nobody's request is to blame and a retry does not
/// mend it: answered 503 <c>DATABASE_NOT_MIGRATED</c>, where it was INTERNAL_ERROR, as if the server had a bug.
/// A database a newer release migrated (a rolling upgrade) fails this build's statements too — a column renamed, or
/// one added NOT NULL (or a CHECK) that this build's inserts leave out — and is answered with the same code, but the
/// way out is the opposite: upgrade this server. Telling that operator to migrate or re-seed the newer database
/// would have them erase it.
/// </summary>
internal static class SchemaNotMigrated
{
    public const string Message = "The server's database is not migrated: a table or column this server uses is "
        + "missing, so nothing could be read or written; the request itself is fine. The bureau's operator checks "
        + "the database against this release: unmigrated (started with Database:MigrateOnStart=false), a start with "
        + "MigrateOnStart=true migrates it; a table dropped by hand is restored from a backup, or re-created with "
        + "the seed verb, which erases the data.";

    public const string NewerMessage = "The server's database was migrated by a newer release of the server: its "
        + "tables no longer match what this server reads and writes, so nothing could be read or written; the "
        + "request itself is fine, and retrying does not help. The bureau's operator upgrades this server to that "
        + "release (the server's log and /health/ready name the newer migrations); the database is newer than this "
        + "server, so it is not to be migrated or re-seeded.";

    /// <summary>Whether <paramref name="exception"/>, or one it wraps, is a missing table or column.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // 42P01 undefined_table, 42703 undefined_column; SQLite's SQLITE_ERROR says which in its message (an
            // insert naming a column the table lacks: "table X has no column named Y").
            if (e is PostgresException
                    { SqlState: PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn }
                || (e is SqliteException { SqliteErrorCode: 1 } s
                    && (s.Message.Contains("no such table", StringComparison.Ordinal)
                        || s.Message.Contains("no such column", StringComparison.Ordinal)
                        || s.Message.Contains("has no column named", StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The sentence for a failure that is the database's schema and not the request's, or null for any other:
    /// a table or column missing, or — only when the database records migrations newer than this build — a NOT NULL
    /// or CHECK violation, which on this build's own schema would be a bug of the server (INTERNAL_ERROR, as before).
    /// </summary>
    /// <param name="services">The request's services: the migration history is read in a scope of its own, as the
    /// request's DbContext may hold the failed statement's connection.</param>
    public static async Task<string?> SentenceAsync(Exception? exception, IServiceProvider? services,
        CancellationToken cancellationToken)
    {
        var missing = Is(exception);
        if (!missing && !IsConstraint(exception))
        {
            return null;
        }

        return await HasNewerMigrationsAsync(services, cancellationToken) ? NewerMessage
            : missing ? Message
            : null;
    }

    // 23502 not_null_violation, 23514 check_violation; SQLite's SQLITE_CONSTRAINT_NOTNULL (1299) and _CHECK (275).
    private static bool IsConstraint(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException
                    { SqlState: PostgresErrorCodes.NotNullViolation or PostgresErrorCodes.CheckViolation }
                || e is SqliteException { SqliteExtendedErrorCode: 1299 or 275 })
            {
                return true;
            }
        }

        return false;
    }

    // Read when the failure happens, not at the start: the newer release may have migrated the database after this
    // server started. A history that cannot be read now leaves the failure as it was.
    private static async Task<bool> HasNewerMigrationsAsync(IServiceProvider? services,
        CancellationToken cancellationToken)
    {
        if (services?.GetService<IServiceScopeFactory>() is not { } scopes)
        {
            return false;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
            return (await MigrationState.ReadAsync(db, cancellationToken)).Newer.Count > 0;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException
            or OperationCanceledException)
        {
            return false;
        }
    }
}
