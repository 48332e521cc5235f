using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Changes;

/// <summary>
/// A fact that takes back an assured title the feed announced — a failed safety sampling recorded late, dated
/// before the grant — must reach a partner following the feed: applying the events as documented leaves it holding
/// the assured history the regulator now reads. When the grant that vanished had nothing before it, nothing was
/// reported and the partner kept "GRANTED" (the text probe found it with a same-day write).
/// </summary>
[Collection(ChangeFeedServerCollection.Name)]
public sealed class AssuredCorrectionTests(ChangeFeedServerFactory factory)
{
    private const string History = """
        query($code: String!) { enterprise(creditCode: $code) { assured assuredHistory { kind occurredOn } } }
        """;

    [Fact]
    public async Task A_late_fact_that_takes_back_a_grant_reaches_the_feed()
    {
        var regulator = factory.ClientFor("samr-jiaxing");
        for (var n = 0; n < 8; n++)
        {
            var (code, product, _) = await factory.EnterpriseAsync(n, assured: true);
            // The history is newest first: its last event is the first grant.
            var before = await HistoryAsync(regulator, code);
            var first = before.EnumerateArray().LastOrDefault();
            if (first.ValueKind == JsonValueKind.Undefined || first.GetProperty("kind").GetString() != "GRANTED")
            {
                continue;
            }

            var partner = Timeline(before);
            var granted = DateOnly.Parse(first.GetProperty("occurredOn").GetString()!, null);
            var start = await Feed.EndAsync(regulator);
            await factory.FailedSamplingAsync("samr-jiaxing", code, product, $"{granted.AddDays(-1):yyyy-MM-dd}");

            var events = (await Feed.ReadAllAsync(regulator, start, 50, kinds: ["ASSURED"]))
                .Where(e => e.Code() == code).ToList();
            foreach (var change in events)
            {
                var from = DateOnly.Parse(change.GetProperty("effectiveFrom").GetString()!, null);
                foreach (var day in partner.Keys.Where(d => d >= from).ToList())
                {
                    partner.Remove(day);
                }

                partner[from] = change.GetProperty("newValue").GetString() == "GRANTED";
            }

            var now = Timeline(await HistoryAsync(regulator, code));
            if (now.SequenceEqual(Timeline(before)))
            {
                continue;   // this sampling did not move the title: try the next enterprise
            }

            Assert.Equal(now, Collapse(partner));
            return;
        }

        Assert.Fail("no assured enterprise of the test data lost its first grant to a failed sampling before it");
    }

    private static async Task<JsonElement> HistoryAsync(HttpClient client, string code) =>
        (await client.PostAsync(History, new { code })).EnsureData().Data.GetProperty("enterprise")
            .GetProperty("assuredHistory").Clone();

    // Assured or not from each date on, only the dates it changes (not assured before any event).
    private static SortedDictionary<DateOnly, bool> Timeline(JsonElement history) => Collapse(
        new SortedDictionary<DateOnly, bool>(history.EnumerateArray()
            .GroupBy(e => DateOnly.Parse(e.GetProperty("occurredOn").GetString()!, null))
            .ToDictionary(g => g.Key, g => g.Last().GetProperty("kind").GetString() == "GRANTED")));

    private static SortedDictionary<DateOnly, bool> Collapse(SortedDictionary<DateOnly, bool> timeline)
    {
        var changes = new SortedDictionary<DateOnly, bool>();
        var last = false;
        foreach (var (day, assured) in timeline)
        {
            if (assured != last)
            {
                changes[day] = assured;
                last = assured;
            }
        }

        return changes;
    }
}
