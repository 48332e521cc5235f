namespace ProductQuality.Graph.Data;

/// <summary>
/// A verb that reads the database was pointed at a SQLite file that does not exist: a mistyped path, which SQLite
/// would create empty (and the verb then fail on missing tables, leaving the empty file behind).
/// </summary>
public sealed class MissingSqliteFileException(string path) : InvalidOperationException(Directory.Exists(path)
    ? $"The database file '{path}' is a folder: name the database file in it (e.g. Data Source={
        Path.Combine(path, "productquality.db")}) in Database:ConnectionString."
    : $"The database file '{path}' does not exist: start the server once (it creates and seeds the database) or "
        + "run the seed verb, or check Database:ConnectionString.")
{
    /// <summary>Throws when the options name a SQLite file that is not there (PostgreSQL, memory: nothing).</summary>
    public static void ThrowIfMissing(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        if (SqliteFile.PathOf(options.ConnectionString) is { } path && !File.Exists(path))
        {
            throw new MissingSqliteFileException(path);
        }
    }
}
