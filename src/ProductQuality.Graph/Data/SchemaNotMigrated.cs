using Microsoft.Data.Sqlite;
using Npgsql;

namespace ProductQuality.Graph.Data;

/// <summary>
/// A statement found a table or column of this server missing: the database lacks a migration (a server started
/// with Database:MigrateOnStart=false before it was migrated). Nobody's request is to blame and a retry does not
/// mend it: answered 503 <c>DATABASE_NOT_MIGRATED</c>, where it was INTERNAL_ERROR, as if the server had a bug.
/// </summary>
internal static class SchemaNotMigrated
{
    public const string Message = "The server's database is not migrated: a table or column this server uses is "
        + "missing, so nothing could be read or written; the request itself is fine. The bureau's operator checks "
        + "the database against this release: unmigrated (started with Database:MigrateOnStart=false), a start with "
        + "MigrateOnStart=true migrates it; a table dropped by hand is restored from a backup, or re-created with "
        + "the seed verb, which erases the data.";

    /// <summary>Whether <paramref name="exception"/>, or one it wraps, is a missing table or column.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // 42P01 undefined_table, 42703 undefined_column; SQLite's SQLITE_ERROR says which in its message.
            if (e is PostgresException
                    { SqlState: PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn }
                || (e is SqliteException { SqliteErrorCode: 1 } s
                    && (s.Message.Contains("no such table", StringComparison.Ordinal)
                        || s.Message.Contains("no such column", StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }
}
