using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Inspections;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Tests.Assessment;

/// <summary>
/// The engine against a real seeded SQLite file: a recorded fact and its re-evaluation in one transaction, the
/// upgrade/downgrade principle on live data, late facts superseding history, and recompute agreeing with the seed.
/// </summary>
public sealed class ReEvaluationTests(SeededTemplate template) : IClassFixture<SeededTemplate>
{
    private static readonly DateOnly Today = SeededTemplate.Today;

    [Fact]
    public async Task Recompute_of_the_seeded_data_changes_nothing()
    {
        await using var db = SeededTemplate.Open(template.Copy());
        var before = await RowCounts(db);

        var summary = await new Recomputer(new RulesOptions())
            .RunAsync(db, Today, DateTime.UtcNow, null, CancellationToken.None);

        Assert.True(summary.ChangedNothing, summary.ToString());
        Assert.Equal(300, summary.Enterprises);
        Assert.Equal(before, await RowCounts(db));
    }

    [Fact]
    public async Task A_rules_change_supersedes_every_evaluation_and_a_second_recompute_changes_nothing()
    {
        await using var db = SeededTemplate.Open(template.Copy());
        var records = await db.EnterpriseAssessments.CountAsync();
        var changedRules = new RulesOptions { Version = "2027.1-test" };

        var first = await new Recomputer(changedRules)
            .RunAsync(db, Today, DateTime.UtcNow, null, CancellationToken.None);
        var second = await new Recomputer(changedRules)
            .RunAsync(db, Today, DateTime.UtcNow, null, CancellationToken.None);

        Assert.Equal(300, first.EnterprisesChanged);
        Assert.Equal(273, first.ProductsChanged);
        Assert.True(second.ChangedNothing, second.ToString());
        Assert.All(await db.EnterpriseAssessments.Select(a => a.RulesVersion).Distinct().ToListAsync(),
            v => Assert.Equal("2027.1-test", v));
        Assert.Equal(records,
            await db.EnterpriseAssessments.IgnoreQueryFilters().CountAsync(a => a.SupersededAtUtc != null));
    }

    [Fact]
    public async Task
        A_failed_sampling_downgrades_an_AA_enterprise_at_once_and_updates_colours_index_assured_and_regions()
    {
        await using var db = SeededTemplate.Open(template.Copy());
        var aa = await db.Enterprises.Include(e => e.Products)
            .FirstAsync(e => e.Class == EnterpriseClass.AA && e.IsAssured);
        var townBefore = await LatestRegion(db, aa.TownCode);
        var indexBefore = aa.QualityIndex;

        var result = await Record(db, Touched.Enterprise(aa.Id), Failed(aa, Today));

        db.ChangeTracker.Clear();
        var after = await db.Enterprises.SingleAsync(e => e.Id == aa.Id);
        Assert.Equal(EnterpriseClass.B, after.Class);
        Assert.Equal(Today, after.ClassEffectiveFrom);
        Assert.Equal(FourColor.Yellow, after.HealthCode);
        Assert.Equal(indexBefore - 10, after.QualityIndex);
        Assert.False(after.IsAssured);
        var revoked = await db.AssuredEvents.Where(a => a.EnterpriseId == aa.Id).OrderBy(a => a.OccurredOn)
            .ThenBy(a => a.Id).LastAsync();
        Assert.Equal((AssuredEventKind.Revoked, Today), (revoked.Kind, revoked.OccurredOn));
        var record = await db.EnterpriseAssessments.Where(a => a.EnterpriseId == aa.Id).OrderBy(a => a.EffectiveFrom)
            .ThenBy(a => a.Id).LastAsync();
        Assert.Equal((Today, EnterpriseClass.B), (record.EffectiveFrom, record.Class));
        Assert.Contains("降级", record.ClassExplanation, StringComparison.Ordinal);
        var townAfter = await LatestRegion(db, aa.TownCode);
        Assert.Equal(Today, townAfter.EffectiveFrom);
        Assert.NotEqual(townBefore.Id, townAfter.Id);
        Assert.Equal(3, result.RegionsChanged);
    }

    [Fact]
    public async Task A_downgrade_is_at_once_and_the_upgrade_waits_twelve_months()
    {
        await using var db = SeededTemplate.Open(template.Copy());
        var aa = await db.Enterprises.FirstAsync(e => e.Class == EnterpriseClass.AA);
        var lapse = Today.AddMonths(-20);
        var restored = Today.AddMonths(-18);

        // The quality system lapses for two months: B at once; the conditions call for AA again after two months,
        // but the class may rise only 12 months after the downgrade (升降原则).
        await Record(db, Touched.Enterprise(aa.Id), Management(aa, lapse, QualitySystem.None),
            Management(aa, restored, aa.QualitySystem));

        var rows = await db.EnterpriseAssessments.Where(a => a.EnterpriseId == aa.Id && a.EffectiveFrom >= lapse)
            .OrderBy(a => a.EffectiveFrom).ToListAsync();
        Assert.Equal((lapse, EnterpriseClass.B), (rows[0].EffectiveFrom, rows[0].Class));
        var upgrade = rows.First(r => r.Class == EnterpriseClass.AA);
        Assert.Equal(lapse.AddMonths(12), upgrade.EffectiveFrom);
        Assert.All(rows.Where(r => r.EffectiveFrom < upgrade.EffectiveFrom),
            r => Assert.NotEqual(EnterpriseClass.AA, r.Class));
    }

    [Fact]
    public async Task A_listing_by_decision_forces_C_and_red_and_after_removal_the_upgrade_still_waits()
    {
        await using var db = SeededTemplate.Open(template.Copy());
        var aa = await db.Enterprises.FirstAsync(e => e.Class == EnterpriseClass.AA && e.IsAssured && !e.IsBlacklisted);
        var listedOn = Today.AddMonths(-2);
        await Record(db, Touched.Enterprise(aa.Id),
            Decision(aa.Id, BlacklistEventKind.Listed, listedOn, "嘉市监列黑〔2026〕901号"));
        await Record(db, Touched.Enterprise(aa.Id),
            Decision(aa.Id, BlacklistEventKind.Removed, Today, "嘉市监移黑〔2026〕901号"));

        db.ChangeTracker.Clear();
        var rows = await db.EnterpriseAssessments.Where(a => a.EnterpriseId == aa.Id && a.EffectiveFrom >= listedOn)
            .OrderBy(a => a.EffectiveFrom).ToListAsync();
        Assert.Equal((listedOn, EnterpriseClass.C, FourColor.Red),
            (rows[0].EffectiveFrom, rows[0].Class, rows[0].MapColour));
        var now = await db.Enterprises.SingleAsync(e => e.Id == aa.Id);
        Assert.False(now.IsBlacklisted);
        Assert.False(now.IsAssured);
        Assert.Equal(EnterpriseClass.C, now.Class);
        Assert.Contains("deferred", rows[^1].ClassExplanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_late_fact_supersedes_the_history_after_its_date_and_deletes_nothing()
    {
        await using var db = SeededTemplate.Open(template.Copy());
        var aa = await db.Enterprises.Include(e => e.Products).FirstAsync(e => e.Class == EnterpriseClass.AA);
        var lateDate = Today.AddMonths(-6);
        var before = await db.EnterpriseAssessments.IgnoreQueryFilters().CountAsync(a => a.EnterpriseId == aa.Id);
        var standing =
            await db.EnterpriseAssessments.CountAsync(a => a.EnterpriseId == aa.Id && a.EffectiveFrom > lateDate);

        await Record(db, Touched.Enterprise(aa.Id), Failed(aa, lateDate));

        var all = await db.EnterpriseAssessments.IgnoreQueryFilters().Where(a => a.EnterpriseId == aa.Id).ToListAsync();
        Assert.True(all.Count > before);
        Assert.Equal(standing, all.Count(a => a.SupersededAtUtc != null));
        Assert.All(all.Where(a => a.SupersededAtUtc != null), a => Assert.True(a.EffectiveFrom > lateDate));
        var current = await db.EnterpriseAssessments.Where(a => a.EnterpriseId == aa.Id && a.EffectiveFrom >= lateDate)
            .OrderBy(a => a.EffectiveFrom).FirstAsync();
        Assert.Equal((lateDate, EnterpriseClass.B), (current.EffectiveFrom, current.Class));
    }

    [Fact]
    public async Task A_late_sampling_re_grades_its_product_from_its_date_and_the_feed_hears_a_correction()
    {
        await using var db = SeededTemplate.Open(template.Copy());
        var maker = await db.Enterprises.Include(e => e.Products).OrderBy(e => e.Id).FirstAsync(e => e.Products.Any());
        var product = maker.Products[0].ProductCode;
        var lateDate = Today.AddMonths(-4);
        var written = DateTime.UtcNow.AddSeconds(-1);

        await Record(db, new Touched([maker.Id], [product], lateDate), Failed(maker, lateDate));

        // Graded again on the sampling's day (it counts from then), and every grading after it was made anew.
        db.ChangeTracker.Clear();
        var since = await db.ProductTierAssessments.Where(a => a.ProductCode == product && a.EffectiveFrom >= lateDate)
            .OrderBy(a => a.EffectiveFrom).ThenBy(a => a.Id).ToListAsync();
        Assert.Equal((lateDate, "重新分级 re-graded after a new fact"), (since[0].EffectiveFrom, since[0].Reason));
        Assert.All(since, a => Assert.True(a.RecordedAtUtc >= written, $"{a.EffectiveFrom} kept from before"));
        var before = await db.ProductTierAssessments.Where(a => a.ProductCode == product && a.EffectiveFrom < lateDate)
            .OrderBy(a => a.EffectiveFrom).ThenBy(a => a.Id).LastAsync();
        Assert.NotEqual(before.Explanation, since[0].Explanation);
        Assert.True(await db.ProductTierAssessments.IgnoreQueryFilters()
            .AnyAsync(a => a.ProductCode == product && a.SupersededAtUtc != null && a.EffectiveFrom >= lateDate)
            || since.Count == 1, "the gradings after the sampling's day were not superseded");
        Assert.All(await db.ChangeEvents.Where(c => c.ProductCode == product).ToListAsync(),
            c => Assert.Equal(c.EffectiveFrom < Today, c.Correction));

        var recompute = await new Recomputer(new RulesOptions())
            .RunAsync(db, Today, DateTime.UtcNow, null, CancellationToken.None);
        Assert.True(recompute.ChangedNothing, recompute.ToString());
    }

    [Fact]
    public async Task The_seeded_tier_history_is_what_the_live_grader_records_grading_each_day()
    {
        // The generator grades in memory, the server in SQL: graded again by the server from two years back, every
        // product's history must come out as seeded (the same days, tiers, scores and explanations).
        await using var db = SeededTemplate.Open(template.Copy());
        var from = Today.AddYears(-2);
        var seeded = await TierHistoryAsync(db, from);
        var codes = await db.Products.OrderBy(p => p.Code).Select(p => p.Code).ToListAsync();

        await AssessmentTransaction.RunAsync(db, () => new ProductRegrading(new RulesOptions(), Today, DateTime.UtcNow)
            .FromFactAsync(db, codes, from, CancellationToken.None), default);

        db.ChangeTracker.Clear();
        var graded = await TierHistoryAsync(db, from);
        Assert.True(seeded.Count > 2 * codes.Count, $"only {seeded.Count} gradings in two years");
        Assert.Equal(seeded, graded);
    }

    [Fact]
    public async Task Re_grading_years_back_reads_the_facts_once_not_once_a_day()
    {
        // A sampling dated six years back re-grades its product on every day since that a fact came or went: done in
        // SQL a day at a time it took ten statements a day and ran past the request's timeout, holding every write.
        var path = template.Copy();
        await using (var seeded = SeededTemplate.Open(path))
        {
            var busiest = await seeded.Inspections.GroupBy(i => i.ProductCode)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            var statements = new StatementCounter();
            await using var db = new SqliteProductQualityDbContext(
                new DbContextOptionsBuilder<SqliteProductQualityDbContext>()
                    .UseSqlite($"Data Source={path};Pooling=False").AddInterceptors(statements).Options);

            var (_, added, _, _) = await AssessmentTransaction.RunAsync(db, () =>
                new ProductRegrading(new RulesOptions(), Today, DateTime.UtcNow)
                    .FromFactAsync(db, [busiest], Today.AddYears(-6), CancellationToken.None), default);

            Assert.Equal(0, added);   // nothing new was recorded: the walk agrees with the seeded history
            Assert.InRange(statements.Count, 1, 20);
        }
    }

    /// <summary>Counts the statements that read (every query, and EF's inserts, which read back their keys).</summary>
    private sealed class StatementCounter : DbCommandInterceptor
    {
        private int count;

        public int Count => count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Interlocked.Increment(ref count);
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }
    }

    private static async Task<List<string>> TierHistoryAsync(ProductQualityDbContext db, DateOnly from) =>
        (await db.ProductTierAssessments.AsNoTracking().Where(a => a.EffectiveFrom > from)
            .OrderBy(a => a.ProductCode).ThenBy(a => a.EffectiveFrom).ThenBy(a => a.Id)
            .Select(a => new { a.ProductCode, a.EffectiveFrom, a.Tier, a.RiskScore, a.Explanation }).ToListAsync())
        .Select(a => $"{a.ProductCode} {a.EffectiveFrom:yyyy-MM-dd} {a.Tier} {a.RiskScore} {a.Explanation}").ToList();

    [Fact]
    public async Task Re_evaluating_without_a_new_fact_changes_nothing()
    {
        await using var db = SeededTemplate.Open(template.Copy());
        var ids = await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).Take(50).ToListAsync();

        var result = await Evaluator().ReEvaluateAsync(db, new Touched(ids, ["P0101"]), CancellationToken.None);

        Assert.True(result.ChangedNothing, result.ToString());
        Assert.Equal(50, result.Enterprises);
    }

    private static ReEvaluator Evaluator() =>
        new(new RulesOptions(),
            new BureauClock(TimeProvider.System, Options.Create(new ClockOptions { Today = Today })));

    private static async Task<ReEvaluation> Record(ProductQualityDbContext db, Touched touched, params object[] facts)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.AddRange(facts);
        await db.SaveChangesAsync();
        var result = await Evaluator().ReEvaluateAsync(db, touched, CancellationToken.None);
        await transaction.CommitAsync();
        return result;
    }

    private static Inspection Failed(Enterprise enterprise, DateOnly on) => new()
    {
        EnterpriseId = enterprise.Id, ProductCode = enterprise.Products[0].ProductCode, SampledOn = on,
        Batch = "20261101-01", SpecModel = "AB-100",
        Level = SamplingLevel.City, Lab = "test lab", ReportNumber = $"TEST{Guid.NewGuid():N}"[..20], Passed = false,
        RecordedAtUtc = DateTime.UtcNow,
        FailedItems = [new InspectionFailedItem { Name = "标志和说明", IsSafetyItem = false }],
    };

    private static ManagementRecord Management(Enterprise enterprise, DateOnly from, QualitySystem system) => new()
    {
        EnterpriseId = enterprise.Id, EffectiveFrom = from, Traceability = enterprise.Traceability,
        QualitySystem = system, Note = "test", RecordedAtUtc = DateTime.UtcNow,
    };

    private static BlacklistEvent Decision(int enterpriseId, BlacklistEventKind kind, DateOnly on, string number) =>
        new()
    {
        EnterpriseId = enterpriseId, Kind = kind, Source = BlacklistEventSource.Decision, OccurredOn = on,
        ReasonCategory = BlacklistReason.Counterfeiting, Reason = "test decision", DecisionNumber = number,
        RecordedAtUtc = DateTime.UtcNow,
    };

    private static Task<Regions.RegionAssessment> LatestRegion(ProductQualityDbContext db, string code) =>
        db.RegionAssessments.AsNoTracking().Where(r => r.RegionCode == code).OrderBy(r => r.EffectiveFrom)
            .ThenBy(r => r.Id).LastAsync();

    private static async Task<(int, int, int, int, int)> RowCounts(ProductQualityDbContext db) => (
        await db.EnterpriseAssessments.IgnoreQueryFilters().CountAsync(),
        await db.BlacklistEvents.IgnoreQueryFilters().CountAsync(),
        await db.AssuredEvents.IgnoreQueryFilters().CountAsync(),
        await db.ProductTierAssessments.IgnoreQueryFilters().CountAsync(),
        await db.RegionAssessments.IgnoreQueryFilters().CountAsync());
}
