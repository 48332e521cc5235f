using System.Globalization;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Supervision;

/// <summary>
/// <c>inspectionPlan</c> picks the enterprises due in SQL; its answer must be the rule applied to every enterprise:
/// due = last sampling + the colour's interval (RED 3, YELLOW 6, BLUE 12, GREEN 24 months), never sampled = due now.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class InspectionPlanTests(GraphServerFactory factory)
{
    private static readonly Dictionary<string, int> Months = new() { ["RED"] = 3, ["YELLOW"] = 6, ["BLUE"] = 12, ["GREEN"] = 24 };

    private readonly HttpClient _client = factory.ClientFor("samr-jiaxing");

    [Theory]
    [InlineData("2026-12-01", "2027-02-28")] // a month end: 30 and 31 Nov + 3 months clamp onto 28 Feb
    [InlineData("2026-06-30", "2026-09-30")]
    [InlineData("2025-01-01", "2025-01-01")]
    public async Task The_plan_is_every_enterprise_due_by_the_end_earliest_first(string from, string to)
    {
        var expected = await ExpectedAsync(DateOnly.Parse(from, CultureInfo.InvariantCulture),
            DateOnly.Parse(to, CultureInfo.InvariantCulture));
        var plan = (await _client.PostAsync($$"""
            { inspectionPlan(from: "{{from}}", to: "{{to}}", first: 500) { enterprise { creditCode } dueOn } }
            """)).EnsureData().Data.GetProperty("inspectionPlan").EnumerateArray()
            .Select(p => (p.GetProperty("enterprise").GetProperty("creditCode").GetString()!,
                p.GetProperty("dueOn").GetString()!)).ToList();

        Assert.Equal(expected.Order().ToList(), plan.Order().ToList());
        Assert.Equal(plan.Select(p => p.Item2).Order(StringComparer.Ordinal), plan.Select(p => p.Item2));
    }

    private async Task<List<(string, string)>> ExpectedAsync(DateOnly from, DateOnly to)
    {
        var nodes = (await _client.PostAsync(
                "{ enterprises(first: 500) { edges { node { creditCode mapColour inspections(limit: 1) { sampledOn } } } } }"))
            .EnsureData().Data.GetProperty("enterprises").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node"));
        var expected = new List<(string, string)>();
        foreach (var node in nodes)
        {
            var last = node.GetProperty("inspections").EnumerateArray()
                .Select(i => DateOnly.Parse(i.GetProperty("sampledOn").GetString()!, CultureInfo.InvariantCulture))
                .Cast<DateOnly?>().FirstOrDefault();
            var due = last?.AddMonths(Months[node.GetProperty("mapColour").GetString()!]) ?? from;
            if (due <= to)
            {
                expected.Add((node.GetProperty("creditCode").GetString()!, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }

        Assert.NotEmpty(expected);
        return expected;
    }
}
