using Microsoft.EntityFrameworkCore;

namespace ProductQuality.Graph.Data;

/// <summary>
/// A hold on a SQLite database: shared by every server using it, alone for whoever seeds it (the <c>seed</c> verb,
/// or a server seeding an empty file). The seed verb deleted the file of a running server, which went on answering
/// from the deleted file and wrote its access log there, lost when it stopped; and a second server started on a file
/// the first was seeding deleted it as "unfinished". The hold is an advisory lock (.NET's FileShare: flock on Linux)
/// on a lock file beside the database (<c>productquality.db.lock</c>), not on the database: the lock file outlives the
/// database being deleted and recreated, and nobody reading the database itself is stopped by it. It ends with the
/// process.
/// </summary>
public sealed class SqliteFileLease : IDisposable
{
    private readonly FileStream _file;

    private SqliteFileLease(FileStream file) => _file = file;

    /// <summary>A server's hold; null for PostgreSQL or an in-memory database.</summary>
    public static SqliteFileLease? Shared(ProductQualityDbContext db) => Take(db, FileShare.ReadWrite, path =>
        $"The database file '{path}' is being seeded by another process (a seed run, or a server's first start): "
        + "start this server when it has finished.");

    /// <summary>The seed verb's hold, refused while any server (or another seed) uses the database.</summary>
    public static SqliteFileLease? ForSeed(ProductQualityDbContext db) => Take(db, FileShare.None, path =>
        $"The database file '{path}' is in use by a running server (or another seed): seed deletes and recreates "
        + "it, so stop the servers that use it first, or point Database:ConnectionString at another file.");

    /// <summary>A starting server's hold while it seeds (or reseeds) the database, refused while another uses it.
    /// </summary>
    public static SqliteFileLease? ForFirstSeed(ProductQualityDbContext db) => Take(db, FileShare.None, path =>
        $"The database file '{path}' needs seeding and another server is using it (or starting on it): start this "
        + "server once that one is ready.");

    public void Dispose() => _file.Dispose();

    private static SqliteFileLease? Take(ProductQualityDbContext db, FileShare share, Func<string, string> refusal)
    {
        if (!db.Database.IsSqlite() || SqliteFile.PathOf(db.Database.GetConnectionString()) is not { } path)
        {
            return null;
        }

        FileStream? held;
        IOException? refused;
        try
        {
            held = Infrastructure.FileLock.TryTake(path + ".lock", share, out refused);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DatabaseStateException(CannotWrite(path, e.Message));
        }

        // Only a lock another process holds is "in use": a read-only file system or folder refused the lock file
        // itself, and was reported as a seed run that was not there (the ops probe).
        return held is not null ? new SqliteFileLease(held)
            : refused is not null && !Infrastructure.FileLock.IsHeldElsewhere(refused)
                ? throw new DatabaseStateException(CannotWrite(path, refused.Message))
                : throw new DatabaseStateException(refusal(path));
    }

    private static string CannotWrite(string path, string reason) =>
        $"The lock file '{path}.lock' beside the database cannot be created ({reason}): the database's folder must be "
        + "writable by this server (SQLite writes its journal there too). Use a writable folder, or point "
        + "Database:ConnectionString at a file in one.";
}

/// <summary>The running server's hold on its SQLite file, kept for the host's lifetime and let go with it.</summary>
public sealed class DatabaseLease : IDisposable
{
    private SqliteFileLease? _held;

    /// <summary>Holds the database with the others (every running server does).</summary>
    public void Share(ProductQualityDbContext db) => Take(() => SqliteFileLease.Shared(db));

    /// <summary>Holds it alone, to seed it; refused while another process holds it.</summary>
    public void Alone(ProductQualityDbContext db) => Take(() => SqliteFileLease.ForFirstSeed(db));

    public void Dispose()
    {
        _held?.Dispose();
        _held = null;
    }

    // The hold in hand is let go first: a process's own shared hold would refuse its exclusive one, and the reverse.
    private void Take(Func<SqliteFileLease?> take)
    {
        Dispose();
        _held = take();
    }
}
