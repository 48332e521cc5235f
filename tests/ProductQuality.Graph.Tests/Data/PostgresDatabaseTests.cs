using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// The server brings an empty PostgreSQL database up by itself: every migration applied, the model matching them,
/// seeded.
/// </summary>
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
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no Postgres migration holds");
        Assert.Equal(TestServerFactory.Enterprises, await db.Enterprises.CountAsync());
        Assert.Equal(273, await db.Products.CountAsync());
        Assert.Equal(80, await db.Regions.CountAsync());
    }

    [PostgresFact]
    public async Task Pooled_connections_are_returned_without_a_DISCARD_ALL_round_trip()
    {
        using var scope = postgres.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();

        var settings = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        Assert.True(settings.NoResetOnClose, "each request would pay a DISCARD ALL when its connection goes back");
        var reply = await postgres.ClientFor("samr-jiaxing").PostAsync("{ enterprises(first: 2) { totalCount } }");
        Assert.Equal(TestServerFactory.Enterprises, reply.EnsureData().Data.GetProperty("enterprises")
            .GetProperty("totalCount").GetInt32());
    }

    /// <summary>
    /// A connect waits 5 s unless the connection string says otherwise (Npgsql's 15 s held every request to a frozen
    /// PostgreSQL for up to 55 s); "Command Timeout" is another setting and does not count as one.
    /// </summary>
    [Theory]
    [InlineData("Host=db;Database=pq", 5)]
    [InlineData("Host=db;Database=pq;Command Timeout=60", 5)]
    [InlineData("Host=db;Database=pq;Timeout=30", 30)]
    [InlineData("Host=db;Database=pq;timeout=2", 2)]
    public void A_connect_gives_up_after_5_s_unless_the_connection_string_says(string configured, int seconds) =>
        Assert.Equal(seconds,
            new Npgsql.NpgsqlConnectionStringBuilder(new PostgresConnectionString(configured).Value).Timeout);
}
