using ProductQuality.Graph.Assessment;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Fills an empty, migrated database with the demo data set: reference data, warnings and product
/// gradings, then enterprises in batches — each batch in its own transaction with the change tracker
/// cleared after it, so memory stays flat up to a million enterprises — and finally region assessments.
/// </summary>
public sealed class DatabaseSeeder(RulesOptions rules)
{
    /// <summary>Enterprises (with all their rows) per transaction.</summary>
    public const int BatchSize = 2_000;

    /// <summary>True when the database holds no reference data and no enterprise: safe to seed.</summary>
    public static async Task<bool> IsEmptyAsync(ProductQualityDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return !await db.Regions.AnyAsync() && !await db.Enterprises.AnyAsync();
    }

    /// <summary>Seeds the data set of <paramref name="request"/> into an empty, migrated database.</summary>
    public async Task<SeedSummary> SeedAsync(ProductQualityDbContext db, SeedRequest request, IProgress<SeedProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var reference = ReferenceDataReader.Read();
        var generator = new DataSetGenerator(reference, request, rules);
        generator.Prepare(progress, ct);

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            progress?.Report(new SeedProgress("reference data", 0, 1));
            await InTransaction(db, () =>
            {
                db.AddRange(reference.Regions);
                db.AddRange(reference.Categories);
                db.AddRange(reference.Products);
                db.AddRange(generator.ProductTierAssessments);
                db.AddRange(generator.Warnings);
                return Task.CompletedTask;
            }, ct);
            progress?.Report(new SeedProgress("reference data", 1, 1));

            var counts = new SeedCounter();
            for (var first = 0; first < request.Enterprises; first += BatchSize)
            {
                var batch = generator.Generate(first, Math.Min(BatchSize, request.Enterprises - first));
                await InTransaction(db, async () =>
                {
                    db.AddRange(batch.Select(b => b.Enterprise));
                    await db.SaveChangesAsync(ct);
                    foreach (var b in batch)
                    {
                        b.AssignEnterpriseId(b.Enterprise.Id);
                        db.AddRange(b.Children());
                    }
                }, ct);
                counts.Add(batch);
                progress?.Report(new SeedProgress("enterprises", first + batch.Count, request.Enterprises));
            }

            progress?.Report(new SeedProgress("regions", 0, 1));
            var regions = generator.YearEndRegionAssessments();
            regions.AddRange(await RegionsToday(db, reference, request.Today, ct));
            await InTransaction(db, () =>
            {
                db.AddRange(regions);
                return Task.CompletedTask;
            }, ct);
            progress?.Report(new SeedProgress("regions", 1, 1));
            return counts.Summary(reference, generator, regions.Count, clock.Elapsed);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static async Task InTransaction(ProductQualityDbContext db, Func<Task> add, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await add();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    // Today's colours come from the enterprise table itself — the cached current columns — grouped in SQL.
    private async Task<List<Regions.RegionAssessment>> RegionsToday(ProductQualityDbContext db, ReferenceDataSet reference, DateOnly today, CancellationToken ct)
    {
        var groups = await db.Enterprises.AsNoTracking()
            .GroupBy(e => new { e.TownCode, e.MapColour, e.HighestTier, e.QualityIndex, e.Class })
            .Select(g => new { g.Key.TownCode, g.Key.MapColour, g.Key.HighestTier, g.Key.QualityIndex, g.Key.Class, Count = g.Count() })
            .ToListAsync(ct);
        var byTown = new Dictionary<string, RegionAggregate>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            if (!byTown.TryGetValue(g.TownCode, out var aggregate))
            {
                byTown[g.TownCode] = aggregate = new RegionAggregate();
            }

            aggregate.Add(g.MapColour, g.Class == EnterpriseClass.C, g.HighestTier, (int)Math.Round(g.QualityIndex), g.Count);
        }

        return new RegionAssessmentBuilder(rules, reference.Regions).Build(today, byTown);
    }
}
