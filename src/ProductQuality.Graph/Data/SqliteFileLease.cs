using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ProductQuality.Graph.Data;

/// <summary>
/// A hold on the SQLite database file: shared by every server using it, alone for a <c>seed</c> that deletes and
/// recreates it. The seed verb deleted the file of a running server, which went on answering from the deleted file
/// and wrote its access log there, lost when it stopped. The hold is an advisory lock on the file (.NET's FileShare,
/// flock on Linux), which SQLite's own byte-range locks neither see nor disturb; it ends with the process.
/// </summary>
public sealed class SqliteFileLease : IDisposable
{
    private readonly FileStream _file;

    private SqliteFileLease(FileStream file) => _file = file;

    /// <summary>A server's hold; null for PostgreSQL, an in-memory database or a file not yet made.</summary>
    public static SqliteFileLease? Shared(ProductQualityDbContext db) => Take(db, FileShare.ReadWrite, path =>
        $"The database file '{path}' is being recreated by a seed run (it holds the file alone): start the server "
        + "when the seed has finished.");

    /// <summary>A seed's hold, refused while any server (or another seed) uses the file.</summary>
    public static SqliteFileLease? Alone(ProductQualityDbContext db) => Take(db, FileShare.None, path =>
        $"The database file '{path}' is in use by a running server (or another seed): seed deletes and recreates "
        + "it, so stop the servers that use it first, or point Database:ConnectionString at another file.");

    public void Dispose() => _file.Dispose();

    private static SqliteFileLease? Take(ProductQualityDbContext db, FileShare share, Func<string, string> refusal)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        if (builder.DataSource is not { Length: > 0 } source || source == ":memory:"
            || builder.Mode == SqliteOpenMode.Memory || !File.Exists(Path.GetFullPath(source)))
        {
            return null;
        }

        var path = Path.GetFullPath(source);
        try
        {
            return new SqliteFileLease(new FileStream(path, FileMode.Open, FileAccess.Read, share));
        }
        catch (IOException)
        {
            throw new DatabaseStateException(refusal(path));
        }
    }
}

/// <summary>The running server's hold on its SQLite file, kept for the host's lifetime and let go with it.</summary>
public sealed class DatabaseLease : IDisposable
{
    private SqliteFileLease? _held;

    public void Hold(SqliteFileLease? lease)
    {
        _held?.Dispose();
        _held = lease;
    }

    public void Dispose() => Hold(null);
}
