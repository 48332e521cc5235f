using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Statistics;

/// <summary>
/// <c>statistics</c> (regulators only) and the <c>report</c> verb print the same numbers, and those numbers are the
/// data's: counted here from the enterprise, product, map and plan queries.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class StatisticsTests(GraphServerFactory factory)
{
    private const string Today = "2026-11-28";

    private static readonly string[] Lists =
        ["productTiers", "enterpriseClasses", "healthCodes", "mapColours", "countyColours", "townColours"];

    private const string Query = """
        { statistics { asOf
            productTiers { key count sharePercent } enterpriseClasses { key count sharePercent }
            healthCodes { key count sharePercent } mapColours { key count sharePercent }
            countyColours { key count sharePercent } townColours { key count sharePercent }
            plan { enterprises due overdue overdueSharePercent maxDaysOverdue }
            signalsBySource { key count sharePercent } } }
        """;

    [Fact]
    public async Task The_statistics_are_the_data_counted()
    {
        var client = factory.ClientFor("samr-jiaxing");
        var s = (await client.PostAsync(Query)).EnsureData().Data.GetProperty("statistics");
        var data = (await client.PostAsync($$"""
            { enterprises(first: 500) { totalCount edges { node { class healthCode mapColour } } }
              products { tier externalSignals { source publishedOn } }
              counties: fourColorMap(level: COUNTY) { assessment { colour } }
              towns: fourColorMap(level: TOWN) { assessment { colour } }
              inspectionPlan(from: "{{Today}}", to: "{{Today}}", first: 500) {
                totalCount edges { node { daysOverdue } } } }
            """)).EnsureData().Data;
        var nodes = data.GetProperty("enterprises").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node")).ToList();

        Assert.Equal(Today, s.GetProperty("asOf").GetString());
        Assert.Equal(Count(data.GetProperty("products").EnumerateArray(), "tier"), Counts(s, "productTiers"));
        Assert.Equal(Count(nodes, "class"), Counts(s, "enterpriseClasses"));
        Assert.Equal(Count(nodes, "healthCode"), Counts(s, "healthCodes"));
        Assert.Equal(Count(nodes, "mapColour"), Counts(s, "mapColours"));
        Assert.Equal(Colours(data.GetProperty("counties")), Counts(s, "countyColours"));
        // Signals in the tiers' two-year look-back window, by source.
        var signals = data.GetProperty("products").EnumerateArray()
            .SelectMany(p => p.GetProperty("externalSignals").EnumerateArray())
            .Where(x => string.CompareOrdinal(x.GetProperty("publishedOn").GetString(), "2024-11-28") > 0);
        Assert.Equal(Count(signals, "source"), Counts(s, "signalsBySource"));
        Assert.NotEmpty(Counts(s, "signalsBySource"));
        Assert.Equal(Colours(data.GetProperty("towns")), Counts(s, "townColours"));

        var plan = data.GetProperty("inspectionPlan");
        var overdue = plan.GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node").GetProperty("daysOverdue").GetInt32())
            .Where(d => d > 0).ToList();
        var p = s.GetProperty("plan");
        Assert.Equal(nodes.Count, p.GetProperty("enterprises").GetInt32());
        Assert.Equal(plan.GetProperty("totalCount").GetInt32(), p.GetProperty("due").GetInt32());
        Assert.Equal(overdue.Count, p.GetProperty("overdue").GetInt32());
        Assert.Equal(overdue.DefaultIfEmpty(0).Max(), p.GetProperty("maxDaysOverdue").GetInt32());
    }

    [Fact]
    public async Task The_report_verb_prints_the_same_numbers()
    {
        var s = (await factory.ClientFor("samr-jiaxing").PostAsync(Query)).EnsureData().Data.GetProperty("statistics");
        using var verb = new VerbProcess();
        var report = await verb.RunAsync("report", $"--Database:ConnectionString=Data Source={factory.DatabasePath}",
            $"--Clock:Today={Today}");
        Assert.True(report.ExitCode == 0, report.Error);

        var sections = Sections(report.Out);
        Assert.Equal($"Product quality report as of {Today}", report.Out.Split('\n')[0]);
        for (var i = 0; i < Lists.Length; i++)
        {
            Assert.Equal(Lines(s, Lists[i]), sections[i]);
        }

        var p = s.GetProperty("plan");
        Assert.Equal([$"ENTERPRISES {p.GetProperty("enterprises").GetInt32()}",
            $"DUE {p.GetProperty("due").GetInt32()}",
            $"OVERDUE {p.GetProperty("overdue").GetInt32()} {p.GetProperty("overdueSharePercent").GetDouble():0.0}%",
            $"MAX_DAYS {p.GetProperty("maxDaysOverdue").GetInt32()}"], sections[Lists.Length]);
        Assert.Equal(Lines(s, "signalsBySource"), sections[Lists.Length + 1]);
        Assert.Contains("Risk signals by source (国内外风险信号)", report.Out, StringComparison.Ordinal);

        // The counts take a while on a large data set (22 s on the default one), and it printed nothing until the
        // end: progress on standard error, each count as it is done, and standard output the report alone.
        var progress = report.Error.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("Counting", StringComparison.Ordinal)
                || l.StartsWith("counted", StringComparison.Ordinal))
            .ToList();
        Assert.Equal($"Counting the report as of {Today}…", progress[0]);
        Assert.Equal("counted product tiers: 1/8 (12%)", progress[1]);
        Assert.Equal("counted supervision plan: 8/8 (100%)", progress[^1]);
        Assert.Equal(9, progress.Count);
        Assert.DoesNotContain("counted", report.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// The tiers, classes, health codes and map colours are stored as of the database's latest evaluation, the plan
    /// counted from its latest inspections: under a Clock:Today before them, the report printed those beside the
    /// pinned day's region colours under the pinned day's heading. Refused, saying what to run instead.
    /// </summary>
    [Fact]
    public async Task The_report_verb_refuses_a_day_before_the_data_it_counts()
    {
        // The server seeds the database on its first request.
        (await factory.ClientFor("samr-jiaxing").PostAsync("{ __typename }")).EnsureData();
        using var verb = new VerbProcess();
        var report = await verb.RunAsync("report", $"--Database:ConnectionString=Data Source={factory.DatabasePath}",
            "--Clock:Today=2025-06-30");

        Assert.True(report.ExitCode == 2, report.Out + report.Error);
        Assert.Equal("", report.Out);
        Assert.StartsWith("The report cannot be counted as of 2025-06-30: the database holds evaluations or "
            + "inspections up to 2026-", report.Error, StringComparison.Ordinal);
        Assert.Contains("ask the server with asOf", report.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Counting the report", report.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_regulators_contract_has_statistics_and_a_county_bureau_counts_its_county()
    {
        Assert.Equal("FIELDS_ON_CORRECT_TYPE",
            (await factory.ClientFor("drc").PostAsync("{ statistics { asOf } }")).FirstErrorCode);
        var county = (await factory.ClientFor("samr-330481").PostAsync(
                "{ statistics { plan { enterprises } enterpriseClasses { count } } "
                + "enterprises(first: 0) { totalCount } }"))
            .EnsureData().Data;
        var own = county.GetProperty("enterprises").GetProperty("totalCount").GetInt32();
        Assert.Equal(own, county.GetProperty("statistics").GetProperty("plan").GetProperty("enterprises").GetInt32());
        Assert.Equal(own, county.GetProperty("statistics").GetProperty("enterpriseClasses").EnumerateArray()
            .Sum(c => c.GetProperty("count").GetInt32()));
    }

    private static List<string> Lines(JsonElement statistics, string list) =>
        statistics.GetProperty(list).EnumerateArray()
            .Select(c => $"{c.GetProperty("key").GetString()} {c.GetProperty("count").GetInt32()} "
                + $"{c.GetProperty("sharePercent").GetDouble():0.0}%")
            .ToList();

    private static Dictionary<string, int> Count(IEnumerable<JsonElement> rows, string property) =>
        rows.GroupBy(r => r.GetProperty(property).GetString()!).ToDictionary(g => g.Key, g => g.Count());

    private static Dictionary<string, int> Colours(JsonElement regions) =>
        regions.EnumerateArray().GroupBy(r => r.GetProperty("assessment") is { ValueKind: JsonValueKind.Object } a
                && a.GetProperty("colour").GetString() is { } c ? c : "NOT_ASSESSED")
            .ToDictionary(g => g.Key, g => g.Count());

    // The served list without its zero rows, as a dictionary, to compare with counts of the data.
    private static Dictionary<string, int> Counts(JsonElement statistics, string list) =>
        statistics.GetProperty(list).EnumerateArray().Where(c => c.GetProperty("count").GetInt32() > 0)
            .ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("count").GetInt32());

    // Each section's value lines as "KEY count share%", in the printed order.
    private static List<List<string>> Sections(string text)
    {
        var sections = new List<List<string>>();
        foreach (var line in text.Split('\n').Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (!line.StartsWith("  ", StringComparison.Ordinal))
            {
                sections.Add([]);
                continue;
            }

            sections[^1].Add(string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        }

        return sections;
    }
}
