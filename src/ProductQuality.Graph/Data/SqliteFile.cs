using Microsoft.Data.Sqlite;

namespace ProductQuality.Graph.Data;

/// <summary>The file a SQLite connection string names.</summary>
internal static class SqliteFile
{
    /// <summary>Its full path; null for an in-memory database or none named.</summary>
    public static string? PathOf(string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.DataSource is { Length: > 0 } source && source != ":memory:"
            && builder.Mode != SqliteOpenMode.Memory
            ? Path.GetFullPath(source)
            : null;
    }
}
