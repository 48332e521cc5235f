using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Maintenance;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Tests.Assessment;

namespace ProductQuality.Graph.Tests.Maintenance;

/// <summary>
/// The daily re-evaluation's progress and summary add up after months missed. The probe (clock nine months on) read
/// "500 of 2127 due enterprises done, 790 changed" (the changes began with the makers replayed with their products,
/// which "done" left out) and "197 products (3,152 re-graded), 2,127 enterprises (2,417 changed)" (gradings, one a
/// day, counted as products; the makers left out of the enterprises but not out of their changes).
/// </summary>
public sealed class DueRunCountsTests(SeededTemplate template) : IClassFixture<SeededTemplate>
{
    [Fact]
    public async Task A_catch_up_counts_each_product_and_enterprise_once_and_its_changes_among_them()
    {
        var today = SeededTemplate.Today.AddDays(270);
        await using var db = SeededTemplate.Open(template.Copy());
        var gradingsBefore = await GradingsAsync(db);
        var dueBefore = await db.Enterprises.CountAsync(e => e.NextDueOn <= today);
        var logs = new Operations.CapturedLogs();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var run = new DueReEvaluation(new ReEvaluator(new RulesOptions(),
            new BureauClock(TimeProvider.System, Options.Create(new ClockOptions { Today = today }))),
            loggers.CreateLogger<DueReEvaluation>());

        var summary = await run.RunAsync(db, today, 50, default);

        // What the run really did, from the tables: the products whose gradings it added or superseded, and how many
        // gradings it added (more than one for a product whose grading changed on several of the days missed).
        var gradingsAfter = await GradingsAsync(db);
        var added = gradingsAfter.Where(g => !gradingsBefore.ContainsKey(g.Key)).ToList();
        var regraded = added.Select(g => g.Value.Product)
            .Union(gradingsAfter.Where(g => gradingsBefore.TryGetValue(g.Key, out var was)
                && was.Superseded != g.Value.Superseded).Select(g => g.Value.Product), StringComparer.Ordinal)
            .Count();
        Assert.True(added.Count > regraded, $"no product was graded on several days: {summary}");
        Assert.Equal(regraded, summary.ProductsChanged);
        Assert.InRange(summary.ProductsChanged, 1, summary.Products);

        // Every due enterprise is re-evaluated and counted once, the makers replayed with their products among them,
        // and changes are counted among the enterprises counted.
        Assert.True(summary.Enterprises >= dueBefore, $"{dueBefore} due: {summary}");
        Assert.InRange(summary.EnterprisesChanged, dueBefore, summary.Enterprises);
        var progress = logs.Entries.Where(e => e.State.ContainsKey("Done")).ToList();
        Assert.True(progress.Count > 1, "one batch: nothing to add up");
        Assert.All(progress, e => Assert.True(
            (int)e.State["Changed"]! <= (int)e.State["Done"]! && (int)e.State["Done"]! <= (int)e.State["Left"]!,
            e.Message));

        // Each count says what it counts.
        var line = logs.Entries.Last().Message;
        Assert.Contains($"{summary.Products:N0} products, {summary.ProductsChanged:N0} of them re-graded "
            + $"({added.Count:N0} gradings added: one for each day a product's grading changed)", line,
            StringComparison.Ordinal);
        Assert.Contains($"{summary.EnterprisesChanged:N0} of them changed;", line, StringComparison.Ordinal);
        Assert.Matches(@"^Daily re-evaluation for \S+: \d+ of \d+ due enterprises done, \d+ of them changed\.$",
            progress[0].Message);
    }

    // Every product grading, superseded ones too: its product and whether it is superseded.
    private static async Task<Dictionary<long, (string Product, bool Superseded)>> GradingsAsync(
        ProductQualityDbContext db) =>
        await db.ProductTierAssessments.IgnoreQueryFilters().AsNoTracking()
            .ToDictionaryAsync(a => a.Id, a => (a.ProductCode, a.SupersededAtUtc != null));
}
