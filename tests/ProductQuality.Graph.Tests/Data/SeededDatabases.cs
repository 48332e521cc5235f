using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Data.Seeding;
using ProductQuality.Graph.Rules;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>Two databases seeded with the same request; deleted at the end.</summary>
public sealed class SeededDatabases : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 28);

    public string First { get; } = Path.Combine(Path.GetTempPath(), $"pq-seed-{Guid.NewGuid():N}.db");
    public string Second { get; } = Path.Combine(Path.GetTempPath(), $"pq-seed-{Guid.NewGuid():N}.db");
    public SeedSummary Summary { get; private set; } = new();

    public static SqliteProductQualityDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<SqliteProductQualityDbContext>().UseSqlite($"Data Source={path};Pooling=False")
            .Options);

    public async Task InitializeAsync()
    {
        Summary = await Seed(First);
        await Seed(Second);
    }

    public Task DisposeAsync()
    {
        File.Delete(First);
        File.Delete(Second);
        return Task.CompletedTask;
    }

    private static async Task<SeedSummary> Seed(string path)
    {
        await using var db = Open(path);
        await db.Database.MigrateAsync();
        Assert.True(await DatabaseSeeder.IsEmptyAsync(db));
        var summary = await new DatabaseSeeder(new RulesOptions())
            .SeedAsync(db, new SeedRequest(300, 20200422, Today), null, CancellationToken.None);
        Assert.False(await DatabaseSeeder.IsEmptyAsync(db));
        return summary;
    }
}
