using ProductQuality.Graph.Assessment;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Fills an empty, migrated database with the demo data set: reference data, warnings and product
/// gradings, then enterprises in batches — each batch in its own transaction with the change tracker
/// cleared after it, so memory stays flat up to a million enterprises, the next batch generated while one is
/// written — and finally region assessments.
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

    /// <summary>
    /// True when a seed began and did not finish: reference data without the regions' assessments, which a seed
    /// writes last (and a database in use always has). A seed killed half-way left regions, products and some or no
    /// enterprises; the next start saw "not empty", did not seed, and served them as the data set.
    /// </summary>
    public static async Task<bool> IsUnfinishedAsync(ProductQualityDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Regions.AnyAsync(ct) && !await db.RegionAssessments.AnyAsync(ct);
    }

    /// <summary>Seeds the data set of <paramref name="request"/> into an empty, migrated database.</summary>
    public async Task<SeedSummary> SeedAsync(
        ProductQualityDbContext db, SeedRequest request, IProgress<SeedProgress>? progress, CancellationToken ct)
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
                db.AddRange(generator.Signals);
                return Task.CompletedTask;
            }, ct);
            progress?.Report(new SeedProgress("reference data", 1, 1));

            // The next batch is generated (in order: document numbers depend on it) while this one is written, so the
            // replay and the database each have a core.
            var counts = new SeedCounter();
            var bulk = SqliteBulkWriter.Supports(db) ? new SqliteBulkWriter(db) : null;
            var next = Task.Run(() => generator.Generate(0, Math.Min(BatchSize, request.Enterprises)), ct);
            for (var first = 0; first < request.Enterprises; first += BatchSize)
            {
                var batch = await next;
                var following = first + BatchSize;
                next = following < request.Enterprises
                    ? Task.Run(() => generator.Generate(following,
                        Math.Min(BatchSize, request.Enterprises - following)), ct)
                    : Task.FromResult<IReadOnlyList<GeneratedEnterprise>>([]);
                await InTransaction(db, async () =>
                {
                    db.AddRange(batch.Select(b => b.Enterprise));
                    await db.SaveChangesAsync(ct);
                    foreach (var b in batch)
                    {
                        b.AssignEnterpriseId(b.Enterprise.Id);
                        if (bulk is null)
                        {
                            db.AddRange(b.Children());
                        }
                    }

                    if (bulk is not null)
                    {
                        await bulk.WriteAsync(batch, ct);
                    }
                }, ct);
                counts.Add(batch);
                progress?.Report(new SeedProgress("enterprises", first + batch.Count, request.Enterprises));
            }

            // The products' next due days come from the samplings just written: graded as the server grades them
            // (the same tiers as the generator's, so no grading is added), which stores each product's next due day.
            await InTransaction(db, async () =>
            {
                db.ChangeTracker.AutoDetectChangesEnabled = true;
                await new ProductGrader(rules, request.Today, Stamp.At(request.Today, 7))
                    .GradeAsync(db, null, Products.TierReasons.InitialGrading, ct);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.AutoDetectChangesEnabled = false;
            }, ct);

            progress?.Report(new SeedProgress("regions", 0, 1));
            var regions = generator.YearEndRegionAssessments();
            // Today's colours come from the enterprise table itself — the cached current columns — grouped in SQL.
            regions.AddRange(await RegionReassessor.AssessAllAsync(db, rules, reference.Regions, request.Today, ct));
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
}
