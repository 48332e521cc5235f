using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ProductQuality.Graph.Data;

/// <summary>
/// Brings the database up to date before the server takes requests: creates the SQLite folder, applies pending
/// migrations (upgrading in place, never dropping), and seeds an empty database with the default data set.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this IHost app, CancellationToken cancellationToken = default)
    {
        using var scope = app.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>()
            .CreateLogger("ProductQuality.Graph.Database");
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
        EnsureSqliteFolder(db);
        // Servers started together on one PostgreSQL database migrate and seed it one after another.
        await using var startup = await PostgresStartupLock.TakeAsync(db, logger, cancellationToken);
        // Held from the first read: refused while a seed run holds the file alone.
        var lease = app.Services.GetRequiredService<DatabaseLease>();
        lease.Share(db);

        // Before anything is written: a database that exists is checked now, one the migrations create after.
        var existed = await db.Database.CanConnectAsync(cancellationToken);
        if (existed)
        {
            await DatabaseEncodingException.ThrowIfNotUtf8Async(db, cancellationToken);
        }

        if (existed && await SquashedMigrations.CarryOverAsync(db, cancellationToken))
        {
            logger.LogInformation("The database was made by the migrations squashed into {Initial} on 2026-12-06, "
                + "whose schema it has: its migration history now names that one.",
                db.Database.GetMigrations().First());
        }

        var state = await MigrationState.ReadAsync(db, cancellationToken);
        if (state.Older.Count > 0)
        {
            throw new UnknownMigrationsException(state.Older, db.Database.IsSqlite());
        }

        // A newer release migrated the shared database (a rolling upgrade): this server starts and serves, as those
        // still running do, readiness Degraded. Refusing made every restart of this build an outage.
        if (state.Newer.Count > 0)
        {
            logger.LogWarning("{Sentence}", state.NewerSentence);
        }
        else if (options.MigrateOnStart)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count,
                    string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        if (!existed)
        {
            await DatabaseEncodingException.ThrowIfNotUtf8Async(db, cancellationToken);
        }

        await UseWriteAheadLogAsync(db, cancellationToken);
        await PostgresPrivileges.ThrowIfMissingAsync(db, cancellationToken);
        if (await Seeding.DatabaseSeeder.IsUnfinishedAsync(db, cancellationToken))
        {
            await RecreateUnfinishedAsync(db, options, lease, logger, cancellationToken);
        }

        if (options.SeedWhenEmpty && await SeedHook.IsEmptyAsync(db, cancellationToken))
        {
            // Seeded alone: a second server starting meanwhile refuses instead of seeding it twice or taking the half
            // written data set for an interrupted seed.
            lease.Alone(db);
            logger.LogInformation("Empty database: seeding the default Jiaxing data set ({Count} enterprises); this "
                + "takes a few seconds, once.", options.SeedEnterprises);
            await SeedHook.SeedAsync(db, options, scope.ServiceProvider, logger, cancellationToken);
            lease.Share(db);
        }
    }

    /// <summary>
    /// A seed stopped half-way. The server's own first seed, killed or stopped, on a SQLite file whose access log is
    /// empty: nothing of value is in it, so it is recreated and seeded again. Anything else stops the start with what
    /// to do: on PostgreSQL a seed may still be running from another machine.
    /// </summary>
    private static async Task RecreateUnfinishedAsync(ProductQualityDbContext db, DatabaseOptions options,
        DatabaseLease lease, ILogger logger, CancellationToken cancellationToken)
    {
        if (!options.SeedWhenEmpty || !db.Database.IsSqlite() || await db.AccessLog.AnyAsync(cancellationToken))
        {
            throw DatabaseStateException.UnfinishedSeed();
        }

        // Alone, or not at all: another server holding the file may be seeding it right now.
        lease.Alone(db);
        logger.LogWarning("The database holds a seed that did not finish (the last start was stopped while seeding): "
            + "recreating it.");
        await SeedVerb.EmptyAsync(db);
        await db.Database.MigrateAsync(cancellationToken);
        await UseWriteAheadLogAsync(db, cancellationToken);
    }

    /// <summary>
    /// SQLite in write-ahead-log mode: readers keep reading while a write transaction (a fact and its re-evaluation)
    /// runs, instead of waiting for it. The mode is stored in the file, so this is a no-op after the first start.
    /// </summary>
    public static async Task UseWriteAheadLogAsync(ProductQualityDbContext db,
        CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite()
            && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString())
                .DataSource != ":memory:")
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>SQLite creates the file but not its folder: create <c>data/</c> so a fresh clone just works.</summary>
    public static void EnsureSqliteFolder(ProductQualityDbContext db)
    {
        if (db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) != true)
        {
            return;
        }

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
