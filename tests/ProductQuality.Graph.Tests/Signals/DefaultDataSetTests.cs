using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Tests.Assessment;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Signals;

/// <summary>
/// The default data set (3,000 enterprises, the default seed) as an operator makes it with the <c>seed</c> verb: the
/// <c>report</c> verb counts at least 8 HIGH products, each explained by external signals and by the city's own
/// failures; the map says something (all four colours among towns, at least three among counties) and did not drift
/// from a cold start over the visible years; fewer than 10% of enterprises are overdue under the frequency rule; at
/// least 90% make products of one industry; and <c>recompute</c> on it changes nothing — the generator grades with
/// the live rules.
/// </summary>
public sealed class DefaultDataSetTests
{
    private const string Today = "--Clock:Today=2026-11-28";
    private const string SeedToday = "--Database:SeedToday=2026-11-28";

    [Fact]
    public async Task The_default_data_set_has_HIGH_products_explained_by_signals_and_failures_and_recompute_keeps_it()
    {
        using var verb = new VerbProcess();
        var file = Path.Combine(verb.Folder, "default.db");
        var connection = $"--Database:ConnectionString=Data Source={file}";
        var seeded = await verb.RunAsync("seed", connection, SeedToday, Today);
        Assert.True(seeded.ExitCode == 0, seeded.Error);

        var report = await verb.RunAsync("report", connection, Today);
        Assert.True(report.ExitCode == 0, report.Error);
        var high = ReportCount(report.Out, "Product tiers", "HIGH");
        Assert.True(high >= 8, $"{high} HIGH products on the default data set; at least 8 expected.\n{report.Out}");
        Assert.True(ReportSection(report.Out, "Risk signals by source").Sum(l => l.Count) > 0, report.Out);
        AssertTheBureausPicture(report.Out);

        await using (var db = SeededTemplate.Open(file))
        {
            var graded = await db.Products.AsNoTracking().Where(p => p.Tier == ProductTier.High)
                .Select(p => new
                {
                    p.Code,
                    Explanation = db.ProductTierAssessments.Where(a => a.ProductCode == p.Code)
                        .OrderByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.Id)
                        .Select(a => a.Explanation).First(),
                })
                .ToListAsync();
            Assert.Equal(high, graded.Count);
            foreach (var product in graded)
            {
                var factors = JsonDocument.Parse(product.Explanation).RootElement.GetProperty("factors")
                    .EnumerateArray()
                    .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString()!);
                var signals = factors.Keys
                    .Where(n => n.StartsWith("risk signal (风险信号): ", StringComparison.Ordinal)).ToList();
                Assert.True(signals.Count > 0, $"{product.Code} is HIGH without an external signal named");
                var failures = factors["nonconformity rate (不合格率) in 3 years"];
                Assert.False(failures == "no sampling data" || failures.StartsWith("0/", StringComparison.Ordinal),
                    $"{product.Code} is HIGH without a failure of its own: {failures}");
            }
        }

        var recomputed = await verb.RunAsync("recompute", connection, Today);
        Assert.True(recomputed.ExitCode == 0, recomputed.Error);
        Assert.Contains("(0 changed), 273 products (0 re-graded), regions (0 changed)", recomputed.Out,
            StringComparison.Ordinal);
    }

    private static void AssertTheBureausPicture(string report)
    {
        string[] colours = ["RED", "YELLOW", "BLUE", "GREEN"];
        var towns = ReportSection(report, "Town colours");
        Assert.True(colours.All(c => towns.Single(l => l.Key == c).Count > 0),
            $"a colour is missing among towns:\n{report}");
        var counties = ReportSection(report, "County colours (");
        Assert.True(colours.Count(c => counties.Single(l => l.Key == c).Count > 0) >= 3,
            $"fewer than three colours among counties:\n{report}");

        var plan = report.Split('\n').Single(l => l.TrimStart().StartsWith("OVERDUE", StringComparison.Ordinal));
        var share = double.Parse(plan.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2].TrimEnd('%'),
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(share < 10, $"{share}% of enterprises overdue; fewer than 10% expected:\n{report}");

        var industries = ReportSection(report, "Enterprises by industries made");
        var one = industries.Single(l => l.Key == "ONE_INDUSTRY").Count;
        Assert.True(one >= 0.9 * industries.Sum(l => l.Count), $"fewer than 90% single-industry makers:\n{report}");

        // No cold start: the first visible year end already shows as many RED and YELLOW counties as the last, give or
        // take one (the old generator went from all GREEN to all YELLOW).
        var years = report.Split('\n')
            .SkipWhile(l => !l.StartsWith("County colours at each year end", StringComparison.Ordinal))
            .Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture)
                + int.Parse(p[4], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.True(years.Count >= 4, $"expected the visible year ends in the report:\n{report}");
        Assert.True(Math.Abs(years[0] - years[^1]) <= 1, $"county colours drifted over the years:\n{report}");
    }

    private static int ReportCount(string report, string section, string key) =>
        ReportSection(report, section).Single(l => l.Key == key).Count;

    // The "  KEY  count  share%" lines of the section whose title starts with the given words.
    private static List<(string Key, int Count)> ReportSection(string report, string title)
    {
        var lines = report.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith(title, StringComparison.Ordinal));
        Assert.True(start >= 0, $"no section '{title}' in the report:\n{report}");
        return lines.Skip(start + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => (p[0], int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }
}
