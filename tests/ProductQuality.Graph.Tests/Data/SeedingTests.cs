using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Data.Seeding;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Tests.Data;

/// <summary>
/// Seeds 300 enterprises into a temporary SQLite file (twice, for determinism) and checks the data set's invariants.
/// </summary>
public sealed class SeedingTests : IClassFixture<SeededDatabases>
{
    private readonly SeededDatabases seeded;

    public SeedingTests(SeededDatabases seeded) => this.seeded = seeded;

    [Fact]
    public async Task Reference_data_is_complete()
    {
        await using var db = SeededDatabases.Open(seeded.First);
        Assert.Equal(80, await db.Regions.CountAsync());
        Assert.Equal(13, await db.ProductCategories.CountAsync());
        Assert.Equal(273, await db.Products.CountAsync());
        Assert.Equal(300, await db.Enterprises.CountAsync());
        Assert.Equal(300, seeded.Summary.Enterprises);
    }

    [Fact]
    public async Task Credit_codes_are_valid_and_carry_the_county_code()
    {
        await using var db = SeededDatabases.Open(seeded.First);
        var enterprises = await db.Enterprises.AsNoTracking().Select(e => new { e.CreditCode, e.CountyCode })
            .ToListAsync();
        Assert.All(enterprises, e =>
        {
            var result = CreditCode.Validate(e.CreditCode);
            Assert.True(result.IsValid, $"{e.CreditCode}: {result.Problem}");
            Assert.Equal(e.CountyCode, e.CreditCode[2..8]);
        });
        Assert.Equal(enterprises.Count, enterprises.Select(e => e.CreditCode).Distinct().Count());
    }

    [Fact]
    public async Task Every_town_belongs_to_its_county_and_names_are_unique()
    {
        await using var db = SeededDatabases.Open(seeded.First);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code);
        var enterprises = await db.Enterprises.AsNoTracking().ToListAsync();
        Assert.All(enterprises, e => Assert.Equal(e.CountyCode, regions[e.TownCode].CountyCode));
        Assert.Equal(enterprises.Count, enterprises.Select(e => e.Name).Distinct().Count());
    }

    [Fact]
    public async Task Same_seed_gives_the_same_data_set()
    {
        await using var first = SeededDatabases.Open(seeded.First);
        await using var second = SeededDatabases.Open(seeded.Second);
        var a = await first.Enterprises.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.CreditCode, e.Name, e.Class, e.QualityIndex }).ToListAsync();
        var b = await second.Enterprises.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.CreditCode, e.Name, e.Class, e.QualityIndex }).ToListAsync();
        Assert.Equal(a, b);
        Assert.Equal(await first.Inspections.CountAsync(), await second.Inspections.CountAsync());
    }

    [Fact]
    public async Task Cached_class_is_the_newest_assessment()
    {
        await using var db = SeededDatabases.Open(seeded.First);
        var enterprises = await db.Enterprises.AsNoTracking().ToListAsync();
        var records = (await db.EnterpriseAssessments.AsNoTracking().ToListAsync()).ToLookup(r => r.EnterpriseId);
        Assert.All(enterprises, e =>
        {
            var newest = records[e.Id].OrderBy(r => r.EffectiveFrom).Last();
            Assert.Equal(newest.Class, e.Class);
            Assert.Equal(newest.MapColour, e.MapColour);
            Assert.Equal(newest.QualityIndex, e.QualityIndex);
            Assert.True(newest.ClassExplanation.Length <= 8000 && newest.IndexExplanation.Length <= 8000);
        });
    }

    [Fact]
    public async Task Blacklisted_enterprises_are_class_C_and_red_and_never_assured()
    {
        await using var db = SeededDatabases.Open(seeded.First);
        var enterprises = await db.Enterprises.AsNoTracking().ToListAsync();
        Assert.All(enterprises.Where(e => e.IsBlacklisted), e =>
        {
            Assert.Equal(EnterpriseClass.C, e.Class);
            Assert.Equal(FourColor.Red, e.MapColour);
            Assert.False(e.IsAssured);
        });
        Assert.All(enterprises.Where(e => e.IsAssured),
            e => Assert.True(e.Class is EnterpriseClass.AA or EnterpriseClass.A,
                $"{e.Name} is assured but class {e.Class}"));
        Assert.Contains(enterprises, e => e.IsAssured);
        Assert.Contains(enterprises, e => e.Class == EnterpriseClass.C);
    }

    [Fact]
    public async Task Pass_rates_differ_across_products()
    {
        await using var db = SeededDatabases.Open(seeded.First);
        var rates = await db.Inspections.AsNoTracking()
            .GroupBy(i => i.ProductCode)
            .Where(g => g.Count() >= 20)
            .Select(g => (double)g.Count(i => i.Passed) / g.Count())
            .ToListAsync();
        Assert.True(rates.Count >= 5, $"only {rates.Count} products with 20 samplings");
        Assert.True(rates.Max() - rates.Min() > 0.05, $"pass rates {rates.Min():P0}–{rates.Max():P0}");
    }

    [Fact]
    public async Task Regions_are_assessed_today_and_at_past_year_ends()
    {
        await using var db = SeededDatabases.Open(seeded.First);
        var today = await db.RegionAssessments.AsNoTracking().Where(r => r.EffectiveFrom == SeededDatabases.Today)
            .ToListAsync();
        Assert.Equal(80, today.Count);
        Assert.Equal(300, today.Single(r => r.RegionCode == "330400").EnterpriseCount);
        Assert.True(await db.RegionAssessments.CountAsync() > 80);
    }
}
