using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Data;

/// <summary>
/// <c>seed [--enterprises N] [--seed S]</c>: recreates the configured database with a generated data set (by
/// default of Database:SeedEnterprises enterprises from seed Database:SeedRandom).
/// </summary>
internal static class SeedVerb
{
    public static async Task<int> RunAsync(string[] args)
    {
        // Checked before the settings, whose defaults it overrides: Database:SeedEnterprises and Database:SeedRandom.
        var given = CommandLine.Option(args, "--enterprises");
        if (!TryInt(given, 1, out var enterprises) || enterprises is < 1 or > 1_000_000)
        {
            await Console.Error.WriteLineAsync("--enterprises must be a whole number from 1 to 1,000,000.");
            return 2;
        }

        using var host = CommandLine.BuildHost(args);
        using var scope = host.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        enterprises = given is null ? options.SeedEnterprises : enterprises;
        var seedText = CommandLine.Option(args, "--seed");
        if (!TryInt(seedText, options.SeedRandom, out var seed))
        {
            // The range too: 99999999999999999999 is a whole number, and "must be a whole number" did not say why not.
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"--seed must be a whole number from {int.MinValue:N0} to {int.MaxValue:N0}; "
                + $"'{Quoted.Start(seedText)}' is not."));
            return 2;
        }

        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
        ThrowIfModeCannotRecreate(db);
        DatabaseInitializer.EnsureSqliteFolder(db);
        // Refused while a server uses the file, and held until the seed ends (the lock file outlives the database),
        // so a server started meanwhile refuses rather than serve half a data set.
        using var lease = SqliteFileLease.ForSeed(db);
        // On PostgreSQL: not while a server is starting on the database (it would be migrating or seeding it).
        await using var startup = await PostgresStartupLock.TakeAsync(db,
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("seed"), default);
        await PostgresSeedGuard.ThrowIfServersRunAsync(db);
        Console.WriteLine($"Recreating the database ({options.Provider}) and generating {enterprises:N0} enterprises "
            + $"with seed {seed}…");
        await EmptyAsync(db);
        await db.Database.MigrateAsync();
        await DatabaseEncodingException.ThrowIfNotUtf8Async(db);
        await DatabaseInitializer.UseWriteAheadLogAsync(db);
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("seed");
        var request = new DatabaseOptions
        {
            SeedEnterprises = enterprises, SeedRandom = seed, SeedToday = options.SeedToday,
        };
        await SeedHook.SeedAsync(db, request, scope.ServiceProvider, logger, default);
        return 0;
    }

    /// <summary>
    /// A SQLite file opened read-only, or one SQLite is told never to make, cannot be recreated: the file was deleted,
    /// and then could not be made again ("unable to open database file"), so the data set was gone and no new one
    /// written (the configuration probe).
    /// </summary>
    private static void ThrowIfModeCannotRecreate(ProductQualityDbContext db)
    {
        if (db is PostgresProductQualityDbContext)
        {
            return;
        }

        var sqlite = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        if (sqlite.Mode is SqliteOpenMode.ReadOnly or SqliteOpenMode.ReadWrite)
        {
            throw new DatabaseStateException($"seed deletes the database file and makes it again, and "
                + $"Database:ConnectionString has Mode={sqlite.Mode}, which "
                + (sqlite.Mode == SqliteOpenMode.ReadOnly ? "opens the file read-only" : "never makes a file")
                + ": nothing was deleted. Run seed with the connection string without Mode (or with "
                + "Mode=ReadWriteCreate), e.g. --Database:ConnectionString=\"Data Source="
                + $"{Quoted.Start(sqlite.DataSource)}\".");
        }
    }

    /// <summary>
    /// Whether the SQLite file there is a database to delete: EF deletes whatever the path names, and a mistyped Data
    /// Source (a README, a key file) or a device node (/dev/zero, run as root) was deleted and replaced by a database
    /// (the files probe). Only a file that begins with SQLite's header goes; an empty one (or none) is filled in place;
    /// anything else stops the seed with nothing deleted.
    /// </summary>
    private static bool SqliteFileToReplace(string connectionString)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        var path = Path.GetFullPath(sqlite.DataSource);
        if (!File.Exists(path))
        {
            return false;
        }

        var (head, problem) = SettingFiles.Read(path, SqliteHeader.Length, tooLong: null);
        if (head is { Length: 0 })
        {
            return false;
        }

        return head is not null && head.AsSpan().SequenceEqual(SqliteHeader) ? true
            : throw new DatabaseStateException($"seed replaces a SQLite database, and '{path}' is not one ("
                + (problem ?? "it does not begin with SQLite's header") + "): nothing was deleted. Name a SQLite "
                + "file or a new path in Database:ConnectionString, or remove the file yourself if it is to go.");
    }

    private static ReadOnlySpan<byte> SqliteHeader => "SQLite format 3\0"u8;

    /// <summary>
    /// SQLite: the file goes. PostgreSQL: the database stays — its encoding, owner and grants are the DBA's, and an
    /// application user may not be allowed to create databases — and this server's tables go, its migrations run
    /// down. Dropping the database had it recreated with the cluster's defaults: a UTF8 database made by hand on a
    /// SQL_ASCII cluster came back SQL_ASCII; and for a user without CREATEDB it was dropped and never made again.
    /// </summary>
    internal static async Task EmptyAsync(ProductQualityDbContext db)
    {
        if (db is not PostgresProductQualityDbContext)
        {
            if (SqliteFileToReplace(db.Database.GetConnectionString()!))
            {
                await db.Database.EnsureDeletedAsync();
            }

            return;
        }

        // Not there (or not reachable): the migrations create it, or say why they cannot. Never dropped.
        if (!await db.Database.CanConnectAsync())
        {
            return;
        }

        await DatabaseEncodingException.ThrowIfNotUtf8Async(db);
        try
        {
            await EmptyPostgresAsync(db);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InsufficientPrivilege)
        {
            // Said as a table grant, the remedy of a server that may not write: seed needs to own the tables.
            throw new DatabaseStateException($"seed empties the database by dropping the server's tables, which "
                + $"only their owner may do, and the database refused ({e.MessageText}): run seed as the user that "
                + "owns them (the one that first migrated the database), or have the DBA drop them; nothing was "
                + "dropped.");
        }
    }

    private static async Task EmptyPostgresAsync(ProductQualityDbContext db)
    {
        // Made by the squashed migrations: run down as one of this build's, keeping the DBA's database.
        await SquashedMigrations.CarryOverAsync(db, default);
        var state = await MigrationState.ReadAsync(db);
        if (state.Newer.Count > 0)
        {
            // Its tables are a newer release's, which this build does not know and could not all drop.
            throw new DatabaseStateException($"{state.NewerSentence} seed refuses it: run the newer release's seed "
                + "if the database is to be erased.");
        }

        if (state.Older.Count == 0)
        {
            await db.GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase);
            return;
        }

        // An earlier development build's, whose migrations this one does not have to run down: its tables that
        // have this build's names go (with their indexes, keys and sequences), and its history with them.
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>()
            .Append(HistoryRepository.DefaultTableName).Distinct(StringComparer.Ordinal)
            .Select(t => $"\"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        await using var transaction = await db.Database.BeginTransactionAsync();
#pragma warning disable EF1002 // The names are the model's own, quoted; no input reaches the statement.
        await db.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS {string.Join(", ", tables)} CASCADE");
#pragma warning restore EF1002
        await transaction.CommitAsync();
    }

    private static bool TryInt(string? text, int fallback, out int value)
    {
        value = fallback;
        return text is null || int.TryParse(text.Replace(",", "", StringComparison.Ordinal), out value);
    }
}
