using System.Globalization;
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
    /// SQLite: the file goes. PostgreSQL: the database stays — its encoding, owner and grants are the DBA's, and an
    /// application user may not be allowed to create databases — and this server's tables go, its one migration run
    /// down. Dropping the database had it recreated with the cluster's defaults: a UTF8 database made by hand on a
    /// SQL_ASCII cluster came back SQL_ASCII.
    /// </summary>
    internal static async Task EmptyAsync(ProductQualityDbContext db)
    {
        if (db is not PostgresProductQualityDbContext || !await db.Database.CanConnectAsync())
        {
            await db.Database.EnsureDeletedAsync();
            return;
        }

        await DatabaseEncodingException.ThrowIfNotUtf8Async(db);
        // Made by the squashed migrations: run down as one of this build's, keeping the DBA's database.
        await SquashedMigrations.CarryOverAsync(db, default);
        if ((await db.Database.GetAppliedMigrationsAsync()).Except(db.Database.GetMigrations()).Any())
        {
            // Made by a build whose migrations this one does not have (so cannot run down): drop it as before.
            await db.Database.EnsureDeletedAsync();
            return;
        }

        await db.GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase);
    }

    private static bool TryInt(string? text, int fallback, out int value)
    {
        value = fallback;
        return text is null || int.TryParse(text.Replace(",", "", StringComparison.Ordinal), out value);
    }
}
