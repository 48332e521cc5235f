using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Regions;

namespace ProductQuality.Graph.Bench.Load;

/// <summary>Real keys to rotate over, read once from the database before any measurement.</summary>
internal sealed record BenchData(
    IReadOnlyList<string> CreditCodes,
    IReadOnlyList<string> Counties,
    IReadOnlyDictionary<string, int> EnterprisesPerCounty,
    int Enterprises)
{
    public const int CodesWanted = 200;

    /// <summary>Keys within the jurisdiction of <paramref name="countyScope"/> (null: the whole city).</summary>
    public static async Task<BenchData> LoadAsync(IServiceProvider services, string? countyScope = null)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
        var all = await db.Enterprises.AsNoTracking().Where(e => countyScope == null || e.CountyCode == countyScope)
            .OrderBy(e => e.Id).Select(e => e.CreditCode).ToListAsync();

        // Spread the sample over the whole table rather than its first rows (ids follow generation order).
        var step = Math.Max(1, all.Count / CodesWanted);
        var codes = all.Where((_, i) => i % step == 0).Take(CodesWanted).ToList();

        var counties = await db.Regions.AsNoTracking()
            .Where(r => r.Level == RegionLevel.County && (countyScope == null || r.Code == countyScope))
            .OrderBy(r => r.Code).Select(r => r.Code).ToListAsync();
        var perCounty = await db.Enterprises.AsNoTracking().GroupBy(e => e.CountyCode)
            .Select(g => new { County = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.County, g => g.Count);
        return new BenchData(codes, counties, perCounty, all.Count);
    }

    /// <summary>Rows the page query must return for a county: 100, or fewer when the county is small.</summary>
    public int ExpectedPageSize(string county) => Math.Min(100, EnterprisesPerCounty.GetValueOrDefault(county));
}
