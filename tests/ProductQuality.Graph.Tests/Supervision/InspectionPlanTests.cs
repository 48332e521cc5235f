using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Supervision;

/// <summary>
/// <c>inspectionPlan</c> picks the enterprises due in SQL; its answer must be the rule applied to every enterprise:
/// due = last sampling + the interval, never sampled = due now. The interval is the colour's (RED 3, YELLOW 6,
/// BLUE 12, GREEN 24 months), at most 4 months for class C and at most 3 for a maker of a HIGH product.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class InspectionPlanTests(GraphServerFactory factory)
{
    private static readonly Dictionary<string, int> Months =
        new() { ["RED"] = 3, ["YELLOW"] = 6, ["BLUE"] = 12, ["GREEN"] = 24 };

    private readonly HttpClient _client = factory.ClientFor("samr-jiaxing");

    [Theory]
    [InlineData("2026-12-01", "2027-02-28")] // a month end: 30 and 31 Nov + 3 months clamp onto 28 Feb
    [InlineData("2026-06-30", "2026-09-30")]
    [InlineData("2026-10-01", "2026-10-01")] // one day, before today: the overdue only
    public async Task The_plan_is_every_enterprise_due_by_the_end_earliest_first(string from, string to)
    {
        var expected = await ExpectedAsync(Day(from), Day(to));
        var plan = (await PageAsync(from, to, 500, null)).Select(p => (p.Code, p.Due)).ToList();

        Assert.Equal(expected.Order().ToList(), plan.Order().ToList());
        Assert.Equal(plan.Select(p => p.Due).Order(StringComparer.Ordinal), plan.Select(p => p.Due));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gap_or_repeat_past_the_old_500_stop()
    {
        var whole = await PageAsync("2026-12-01", "2028-12-31", 500, null);
        var reply = (await _client.PostAsync(
                """{ inspectionPlan(from: "2026-12-01", to: "2028-12-31", first: 0) { totalCount } }"""))
            .EnsureData();
        var total = reply.Data.GetProperty("inspectionPlan").GetProperty("totalCount").GetInt32();
        Assert.Equal(whole.Count, Math.Min(total, 500));

        var paged = new List<(string Code, string Due)>();
        string? after = null;
        do
        {
            var page = await PageAsync("2026-12-01", "2028-12-31", 37, after);
            paged.AddRange(page.Select(p => (p.Code, p.Due)));
            after = page.Count == 37 ? page[^1].Cursor : null;
        }
        while (after is not null);

        Assert.Equal(total, paged.Count);
        Assert.Equal(total, paged.Distinct().Count());
        Assert.Equal(whole.Select(p => (p.Code, p.Due)), paged.Take(whole.Count));
    }

    [Fact]
    public async Task Each_entry_says_how_to_inspect_and_why_by_class_and_risk()
    {
        var reply = (await _client.PostAsync("""
            { inspectionPlan(from: "2026-12-01", to: "2027-12-31", first: 500) { edges { node {
                intervalMonths forms explanation { summary } enterprise { class products { tier } } } } } }
            """)).EnsureData();
        var nodes = reply.Data.GetProperty("inspectionPlan").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node")).ToList();
        foreach (var node in nodes)
        {
            var cls = node.GetProperty("enterprise").GetProperty("class").GetString();
            var high = Tiers(node.GetProperty("enterprise")).Contains("HIGH");
            var forms = node.GetProperty("forms").EnumerateArray().Select(f => f.GetString()).ToList();
            Assert.Equal("SAMPLING", forms[0]);
            Assert.Equal(cls == "C" || high, forms.Contains("ON_SITE_CHECK"));
            Assert.Equal(cls == "C", forms.Contains("QMS_AUDIT"));
            Assert.StartsWith($"Inspect every {node.GetProperty("intervalMonths").GetInt32()} months: ",
                node.GetProperty("explanation").GetProperty("summary").GetString(), StringComparison.Ordinal);
        }

        Assert.Contains(nodes, n => n.GetProperty("enterprise").GetProperty("class").GetString() == "C");
    }

    [Fact]
    public async Task A_foreign_cursor_is_invalid_cursor()
    {
        var reply = await _client.PostAsync(
            "query($a: String) { inspectionPlan(from: \"2026-12-01\", to: \"2027-12-31\", after: $a) { totalCount } }",
            new { a = Paging.CursorForgeryTests.Forged(Seal, "DueFirst", "inspectionPlan").First() });
        Assert.Equal("INVALID_CURSOR", reply.FirstErrorCode);
    }

    // The server's list-cursor seal (its client above has started it).
    private Graph.Schema.Paging.CursorSeal Seal =>
        factory.Services.GetRequiredService<Graph.Infrastructure.CursorKeys>().Lists;

    internal static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    internal static IEnumerable<string?> Tiers(JsonElement enterprise) =>
        enterprise.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("tier").GetString());

    internal static int Interval(JsonElement node)
    {
        var months = Months[node.GetProperty("mapColour").GetString()!];
        if (node.GetProperty("class").GetString() == "C")
        {
            months = Math.Min(months, 4);
        }

        return Tiers(node).Contains("HIGH") ? Math.Min(months, 3) : months;
    }

    private async Task<List<(string Code, string Due, string Cursor)>> PageAsync(
        string from, string to, int first, string? after) =>
        (await _client.PostAsync("""
            query($from: Date!, $to: Date!, $first: Int, $after: String) {
              inspectionPlan(from: $from, to: $to, first: $first, after: $after) {
                edges { cursor node { enterprise { creditCode } dueOn } } } }
            """, new { from, to, first, after })).EnsureData().Data.GetProperty("inspectionPlan").GetProperty("edges")
            .EnumerateArray()
            .Select(e => (e.GetProperty("node").GetProperty("enterprise").GetProperty("creditCode").GetString()!,
                e.GetProperty("node").GetProperty("dueOn").GetString()!, e.GetProperty("cursor").GetString()!))
            .ToList();

    private async Task<List<(string, string)>> ExpectedAsync(DateOnly from, DateOnly to)
    {
        var nodes = (await _client.PostAsync(
                "{ enterprises(first: 500) { edges { node { creditCode mapColour class products { tier } "
                + "inspections(limit: 1) { sampledOn } } } } }"))
            .EnsureData().Data.GetProperty("enterprises").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node"));
        var expected = new List<(string, string)>();
        foreach (var node in nodes)
        {
            var last = node.GetProperty("inspections").EnumerateArray()
                .Select(i => Day(i.GetProperty("sampledOn").GetString()!))
                .Cast<DateOnly?>().FirstOrDefault();
            var due = last?.AddMonths(Interval(node)) ?? from;
            if (due <= to)
            {
                expected.Add((node.GetProperty("creditCode").GetString()!,
                    due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }

        Assert.NotEmpty(expected);
        return expected;
    }
}
