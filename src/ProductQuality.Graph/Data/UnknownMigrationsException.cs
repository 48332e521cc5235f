namespace ProductQuality.Graph.Data;

/// <summary>
/// The database records migrations this build does not have, older than its last: it was made by an earlier
/// development build, before the migrations were squashed into one initial migration per provider (ahead of the
/// first release). Migrating it would fail half-way on "table already exists"; stopping with a sentence that says how
/// to recreate it is kinder. The way out fits the provider (a PostgreSQL database has no file to delete), and says
/// that seeding erases what the database holds: it may hold data someone needs.
/// </summary>
public sealed class UnknownMigrationsException(IReadOnlyList<string> unknown, bool sqlite)
    : InvalidOperationException(
        "The database was created by an earlier development build: it records migrations this build does not know " +
        $"({string.Join(", ", unknown)}) and cannot be upgraded in place. " + (sqlite
            ? "Recreate it with the seed verb (dotnet run --project src/ProductQuality.Graph -- seed), which erases " +
                "everything in it, or delete the SQLite file (data/productquality.db) and start the server, which " +
                "seeds a new one; keep a copy of the file first if it holds data you need."
            : "If nothing in it is needed, empty and seed it with the seed verb (dotnet run --project " +
                "src/ProductQuality.Graph -- seed --Database:Provider=Postgres …), which erases every table of the " +
                "server in it (the database itself, its owner and grants stay); otherwise point " +
                "Database:ConnectionString at another database."))
{
    public IReadOnlyList<string> Unknown { get; } = unknown;
}
