namespace ProductQuality.Graph.Data;

/// <summary>
/// The database records migrations this build does not have: it was made by an earlier development build, before
/// the migrations were squashed into one initial migration per provider (ahead of the first release). Migrating it
/// would fail half-way on "table already exists"; stopping with a sentence that says how to recreate it is kinder.
/// </summary>
public sealed class UnknownMigrationsException(IReadOnlyList<string> unknown)
    : InvalidOperationException(
        "The database was created by an earlier development build: it records migrations this build does not know " +
        $"({string.Join(", ", unknown)}). Recreate it with the seed verb (dotnet run --project " +
        "src/ProductQuality.Graph -- seed), or delete the SQLite file (data/productquality.db) and start the " +
        "server, which seeds a new one.")
{
    public IReadOnlyList<string> Unknown { get; } = unknown;
}
