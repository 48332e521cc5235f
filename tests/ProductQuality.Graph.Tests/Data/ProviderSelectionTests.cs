using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// The provider is configuration: SQLite by default, PostgreSQL when asked, each with its own migrations.
/// </summary>
public sealed class ProviderSelectionTests
{
    [Theory]
    [InlineData("Sqlite", "Microsoft.EntityFrameworkCore.Sqlite", typeof(SqliteProductQualityDbContext))]
    [InlineData("Postgres", "Npgsql.EntityFrameworkCore.PostgreSQL", typeof(PostgresProductQualityDbContext))]
    public void Configured_provider_is_used_and_has_migrations(string provider, string providerName, Type contextType)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = provider == "Sqlite" ? "Data Source=unused.db"
                : "Host=localhost;Database=unused",
        });
        builder.AddProductQualityData();
        using var host = builder.Build();
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();

        Assert.IsType(contextType, db);
        Assert.Equal(providerName, db.Database.ProviderName);
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
