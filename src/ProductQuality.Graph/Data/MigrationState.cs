using Microsoft.EntityFrameworkCore;

namespace ProductQuality.Graph.Data;

/// <summary>
/// The database's migration history against this build's migrations: the one check the server's start, its
/// readiness and every verb that uses the database make. Ids this build does not know are newer (after its last
/// migration: a newer release migrated the database, as in a rolling upgrade) or not (an earlier development build,
/// <see cref="UnknownMigrationsException"/>). Migration ids start with their timestamp, so the order of the ids is
/// the order of the migrations.
/// </summary>
internal sealed record MigrationState(
    int Known, int Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> Newer, IReadOnlyList<string> Older,
    bool Squashed)
{
    public static async Task<MigrationState> ReadAsync(ProductQualityDbContext db,
        CancellationToken cancellationToken = default)
    {
        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var unknown = applied.Except(known, StringComparer.Ordinal).ToList();
        return new MigrationState(known.Count, applied.Count, [.. known.Except(applied, StringComparer.Ordinal)],
            [.. unknown.Where(id => string.CompareOrdinal(id, known[^1]) > 0)],
            [.. unknown.Where(id => string.CompareOrdinal(id, known[^1]) < 0)],
            SquashedMigrations.Are(db, applied));
    }

    /// <summary>
    /// For the server's log and for a verb: a newer release migrated the database. The server still starts and
    /// serves (readiness Degraded), as the servers already running do; a verb of this build refuses.
    /// </summary>
    public string NewerSentence => $"The database records {Newer.Count} migration(s) newer than this build's last "
        + $"({string.Join(", ", Newer)}): a newer release of the server migrated it. Upgrade this server to that "
        + "release; until then it serves the database with /health/ready Degraded, and this build's verbs refuse to "
        + "read or write it.";

    /// <summary>What the readiness check and a verb say of migrations this build has and the database lacks.</summary>
    public string PendingSentence => $"{Pending.Count} of {Known} migrations are not applied: start with "
        + "Database:MigrateOnStart=true, or migrate the database.";

    /// <summary>
    /// Throws, for a verb that reads or writes the database, when the database is not at this build's migrations:
    /// a verb ran (and recompute committed) on a database of an earlier development build, of a newer release, or
    /// missing a migration. A database without any history is left to the verb, which says it has no tables yet.
    /// </summary>
    public static async Task ThrowIfNotCurrentAsync(ProductQualityDbContext db,
        CancellationToken cancellationToken = default)
    {
        var state = await ReadAsync(db, cancellationToken);
        if (state.Applied == 0)
        {
            return;
        }

        // The server's start rewrites such a history (SquashedMigrations); a verb only reads it.
        if (state.Squashed)
        {
            throw new DatabaseStateException("The database was made by the migrations squashed into this build's "
                + "first one on 2026-12-06: start the server once (with Database:MigrateOnStart=true, its default), "
                + "which carries its history over and applies the migrations after it, then run the verb again.");
        }

        if (state.Older.Count > 0)
        {
            throw new UnknownMigrationsException(state.Older, db.Database.IsSqlite());
        }

        if (state.Newer.Count > 0)
        {
            throw new DatabaseStateException(state.NewerSentence);
        }

        if (state.Pending.Count > 0)
        {
            throw new DatabaseStateException($"{state.PendingSentence} (Missing: {string.Join(", ", state.Pending)}; "
                + "the server applies them at its start with that setting, which is its default.)");
        }
    }
}
