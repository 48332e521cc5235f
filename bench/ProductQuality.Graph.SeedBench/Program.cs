using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Data.Seeding;
using ProductQuality.Graph.Rules;

// Seeding benchmark:
// dotnet run -c Release --project bench/ProductQuality.Graph.Bench -- [enterprises] [sqlite file] [seed] [today]
var enterprises = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3_000;
var path = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), $"pq-bench-{enterprises}.db");
var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20200422;
var today = args.Length > 3 ? DateOnly.Parse(args[3], CultureInfo.InvariantCulture) : new DateOnly(2026, 11, 28);
File.Delete(path);

var options = new DbContextOptionsBuilder<SqliteProductQualityDbContext>().UseSqlite($"Data Source={path}").Options;
await using var db = new SqliteProductQualityDbContext(options);
var clock = Stopwatch.StartNew();
await db.Database.MigrateAsync();
Console.WriteLine($"migrated in {clock.Elapsed.TotalSeconds:F1} s");

var last = string.Empty;
var progress = new Progress<SeedProgress>(p =>
{
    var line = $"{p.Phase} {p.Done}/{p.Total}";
    if (line != last && (p.Done == p.Total || p.Done % 20_000 == 0))
    {
        Console.WriteLine($"{clock.Elapsed.TotalSeconds,7:F1} s  {line}  "
            + $"{GC.GetTotalMemory(false) / 1_048_576} MB managed");
        last = line;
    }
});
var summary = await new DatabaseSeeder(new RulesOptions())
    .SeedAsync(db, new SeedRequest(enterprises, seed, today), progress, CancellationToken.None);
Console.WriteLine(JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"seeded {enterprises} enterprises in {summary.Elapsed.TotalSeconds:F1} s "
    + $"(total {clock.Elapsed.TotalSeconds:F1} s); file {new FileInfo(path).Length / 1_048_576} MB");
