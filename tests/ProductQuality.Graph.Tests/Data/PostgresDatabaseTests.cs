using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>The server brings an empty PostgreSQL database up by itself: every migration applied, the model matching them, seeded.</summary>
[Collection(ServerCollection.Name)]
public sealed class PostgresDatabaseTests(PostgresServerFactory postgres)
{
    [PostgresFact]
    public async Task Start_applies_every_postgres_migration_and_seeds()
    {
        using var scope = postgres.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();

        Assert.IsType<PostgresProductQualityDbContext>(db);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_ReEvaluation", StringComparison.Ordinal));
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no Postgres migration holds");
        Assert.Equal(TestServerFactory.Enterprises, await db.Enterprises.CountAsync());
        Assert.Equal(273, await db.Products.CountAsync());
        Assert.Equal(80, await db.Regions.CountAsync());
    }
}
