using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// The migrations were squashed into one <c>Initial</c> per provider on 2026-12-06. A database made by the squashed
/// ones (the same schema, compared table by table when they were squashed) starts on this build with its data, its
/// history rewritten to the <c>Initial</c>; without the carry-over it stopped with "made by an earlier development
/// build". Made by only some of them, it still stops with that way out (<see cref="StaleDatabaseTests"/>).
/// </summary>
public sealed class SquashedMigrationsTests
{
    private static readonly string[] SqliteSquashed =
    [
        "20261203154229_Initial", "20261204210117_DatabaseSecrets", "20261205053224_AccessLogCountyIndex",
        "20261205173420_EnterpriseTokenRevocations", "20261206040104_CurrentExplanations",
        "20261206123742_ChangeEventsByKind",
    ];

    private static readonly string[] PostgresSquashed =
    [
        "20261203154250_Initial", "20261204210144_DatabaseSecrets", "20261205053250_AccessLogCountyIndex",
        "20261205173454_EnterpriseTokenRevocations", "20261206040133_CurrentExplanations",
        "20261206123816_ChangeEventsByKind",
    ];

    [Fact]
    public Task A_sqlite_database_made_by_the_squashed_migrations_starts_with_its_data() =>
        CarriedOverAsync(new GraphServerFactory(), SqliteSquashed);

    [PostgresFact]
    public Task A_postgres_database_made_by_the_squashed_migrations_starts_with_its_data() =>
        CarriedOverAsync(new PostgresServerFactory(), PostgresSquashed);

    [Fact]
    public async Task Only_some_of_the_squashed_migrations_are_not_taken_for_the_initial()
    {
        using var server = new GraphServerFactory();
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
        await RewriteHistoryAsync(db, SqliteSquashed[..^1]);

        Assert.False(await SquashedMigrations.CarryOverAsync(db, default));
        Assert.Equal(SqliteSquashed[..^1], await db.Database.GetAppliedMigrationsAsync());
    }

    private static async Task CarriedOverAsync(TestServerFactory server, string[] squashed)
    {
        using (server)
        {
            using (var scope = server.Services.CreateScope())
            {
                // As the squashed ones left it: without what the migrations after the Initial add.
                var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
                await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
                await RewriteHistoryAsync(db, squashed);
            }

            // A second server on the same database starts as a restart would.
            using var restarted = server.WithWebHostBuilder(_ => { });
            using var again = restarted.Services.CreateScope();
            var carried = again.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
            Assert.Equal(carried.Database.GetMigrations(), await carried.Database.GetAppliedMigrationsAsync());
            Assert.Equal(TestServerFactory.Enterprises, await carried.Enterprises.CountAsync());
        }
    }

    private static async Task RewriteHistoryAsync(ProductQualityDbContext db, IEnumerable<string> migrations)
    {
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" """);
        foreach (var migration in migrations)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ({migration}, '10.0.15')
                """);
        }
    }
}
