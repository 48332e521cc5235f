using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Recording;

namespace ProductQuality.Graph.Tests.Changes;

/// <summary>
/// A late fact — a failed sampling reported after later evaluations were made — supersedes evaluations the feed
/// already reported. A partner that applies the feed as documented (each event: from its date on, the new value)
/// must end up with the enterprise's history as the regulator reads it; the events of days already past say they
/// correct.
/// </summary>
[Collection(ChangeFeedServerCollection.Name)]
public sealed class ChangeFeedCorrectionTests(ChangeFeedServerFactory factory)
{
    private const string History = """
        query($code: String!) { enterprise(creditCode: $code) {
          classHistory { effectiveFrom class healthCode mapColour qualityIndex } } }
        """;

    private static readonly (string Kind, string Field)[] Kinds =
    [
        ("CLASS", "class"), ("HEALTH_CODE", "healthCode"), ("MAP_COLOUR", "mapColour"),
        ("QUALITY_INDEX", "qualityIndex"),
    ];

    [Fact]
    public async Task A_late_sampling_appears_as_corrections_that_rebuild_the_history_the_regulator_reads()
    {
        var regulator = factory.ClientFor("samr-jiaxing");
        var (code, product, _) = await factory.EnterpriseAsync(4, county: "330421");
        var partner = Timelines(await HistoryAsync(regulator, code));
        var start = await Feed.EndAsync(regulator);

        await factory.FailedSamplingAsync("samr-jiaxing", code, product, WriteData.Today);
        var told = await Feed.ReadAllAsync(regulator, start, 3);
        Assert.NotEmpty(told);
        Assert.All(told, e => Assert.False(e.GetProperty("correction").GetBoolean()));

        await factory.FailedSamplingAsync("samr-jiaxing", code, product, "2026-05-12");
        var late = await Feed.ReadAllAsync(regulator, told[^1].Cursor(), 3);
        Assert.Contains(late, e => e.Kind() == "CLASS" && e.GetProperty("correction").GetBoolean());
        Assert.All(late, e => Assert.Equal(
            string.CompareOrdinal(e.GetProperty("effectiveFrom").GetString(), WriteData.Today) < 0,
            e.GetProperty("correction").GetBoolean()));
        Assert.Equal(
            "2026-05-12", late.Select(e => e.GetProperty("effectiveFrom").GetString()).Min(StringComparer.Ordinal));

        foreach (var change in told.Concat(late).Where(e => e.Code() == code && partner.ContainsKey(e.Kind())))
        {
            var timeline = partner[change.Kind()];
            var from = DateOnly.Parse(change.GetProperty("effectiveFrom").GetString()!, null);
            foreach (var day in timeline.Keys.Where(d => d >= from).ToList())
            {
                timeline.Remove(day);
            }

            timeline[from] = change.GetProperty("newValue").GetString()!;
        }

        var now = Timelines(await HistoryAsync(regulator, code));
        foreach (var (kind, _) in Kinds)
        {
            Assert.Equal(now[kind], Collapse(partner[kind]));
        }
    }

    private static async Task<JsonElement> HistoryAsync(HttpClient client, string code) =>
        (await client.PostAsync(History, new { code })).EnsureData().Data.GetProperty("enterprise")
            .GetProperty("classHistory").Clone();

    // The history as each kind's value from each date on, keeping only the dates its value changes.
    private static Dictionary<string, SortedDictionary<DateOnly, string>> Timelines(JsonElement history) =>
        Kinds.ToDictionary(k => k.Kind, k => Collapse(new SortedDictionary<DateOnly, string>(history.EnumerateArray()
            .GroupBy(r => DateOnly.Parse(r.GetProperty("effectiveFrom").GetString()!, null))
            .ToDictionary(g => g.Key, g => Value(g.Last().GetProperty(k.Field))))));

    private static SortedDictionary<DateOnly, string> Collapse(SortedDictionary<DateOnly, string> timeline)
    {
        var changes = new SortedDictionary<DateOnly, string>();
        string? last = null;
        foreach (var (day, value) in timeline)
        {
            if (value != last)
            {
                changes[day] = value;
            }

            last = value;
        }

        return changes;
    }

    private static string Value(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? value.GetDouble().ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)
        : value.GetString()!;
}
