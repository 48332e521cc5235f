using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ProductQuality.Graph.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the server.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteProductQualityDbContext>
{
    public SqliteProductQualityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteProductQualityDbContext>().UseSqlite("Data Source=design-time.db")
            .Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context; no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresProductQualityDbContext>
{
    public PostgresProductQualityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresProductQualityDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time").Options);
}
