using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Data.Seeding;
using ProductQuality.Graph.Rules;

namespace ProductQuality.Graph.Tests.Assessment;

/// <summary>
/// A database seeded once (300 enterprises, pinned today) that each test copies to a file of its own, so tests
/// that write facts or recompute never see each other's changes. Files are deleted at the end.
/// </summary>
public sealed class SeededTemplate : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 28);
    private readonly string template = Path.Combine(Path.GetTempPath(), $"pq-template-{Guid.NewGuid():N}.db");
    private readonly List<string> copies = [];

    public static SqliteProductQualityDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<SqliteProductQualityDbContext>().UseSqlite($"Data Source={path};Pooling=False")
            .Options);

    /// <summary>A private copy of the seeded database.</summary>
    public string Copy()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pq-copy-{Guid.NewGuid():N}.db");
        File.Copy(template, path);
        lock (copies)
        {
            copies.Add(path);
        }

        return path;
    }

    public async Task InitializeAsync()
    {
        await using var db = Open(template);
        await db.Database.MigrateAsync();
        await new DatabaseSeeder(new RulesOptions())
            .SeedAsync(db, new SeedRequest(300, 20200422, Today), null, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        foreach (var path in copies.Append(template))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }
}
