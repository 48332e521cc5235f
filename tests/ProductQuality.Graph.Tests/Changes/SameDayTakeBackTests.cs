using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Recording;

namespace ProductQuality.Graph.Tests.Changes;

/// <summary>
/// An override set and withdrawn the same day leaves no history row of the day, so the event restoring the class
/// said only "re-evaluated (重新评定)", to the regulator too, whose contract reads the overrides and their reasons (the
/// domain probe). It states the day's facts now: the override and its withdrawal, the regulator's words to those who
/// may read them.
/// </summary>
[Collection(ChangeFeedServerCollection.Name)]
public sealed class SameDayTakeBackTests(ChangeFeedServerFactory factory)
{
    private const string Status = "query($c: String!) { enterprise(creditCode: $c) { class overrideRevision } }";

    [Fact]
    public async Task An_override_withdrawn_the_same_day_is_taken_back_with_the_days_facts_as_its_reason()
    {
        var regulator = factory.ClientFor("samr-jiaxing");
        for (var n = 30; n < 60; n++)
        {
            var (code, _, _) = await factory.EnterpriseAsync(n);
            var status = (await regulator.PostAsync(Status, new { c = code })).EnsureData().Data
                .GetProperty("enterprise");
            var worse = status.GetProperty("class").GetString() switch { "AA" or "A" => "B", "B" => "C", _ => null };
            if (worse is null)
            {
                continue;
            }

            var revision = status.GetProperty("overrideRevision").GetInt32();
            var start = await Feed.EndAsync(regulator);
            var withdrawal = $"误操作，撤销 {Guid.NewGuid():N}";
            await OverrideAsync(regulator, code, revision, worse, "临时调整测试");
            await OverrideAsync(regulator, code, revision + 1, null, withdrawal);

            var events = (await Feed.ReadAllAsync(regulator, start, 50, kinds: ["CLASS"]))
                .Where(e => e.Code() == code).ToList();
            Assert.Equal(2, events.Count);
            var restored = events[1].GetProperty("reason").GetString()!;
            Assert.Contains("manual override withdrawn (撤销人工调整)", restored, StringComparison.Ordinal);
            Assert.Contains(withdrawal, restored, StringComparison.Ordinal);
            Assert.DoesNotContain("re-evaluated", restored, StringComparison.Ordinal);

            // A partner reading the feed does not read the regulator's own words.
            var finance = await Feed.ReadAllAsync(factory.ClientFor("finance"), null, 500, kinds: ["CLASS"]);
            Assert.DoesNotContain(finance, e => e.GetProperty("reason").GetString()!.Contains(withdrawal,
                StringComparison.Ordinal));
            return;
        }

        Assert.Fail("no enterprise of the test data could be overridden to a worse class");
    }

    private static async Task OverrideAsync(HttpClient client, string code, int revision, string? @class,
        string reason) =>
        (await client.PostAsync(Writes.OverrideEnterpriseClass, new
        {
            input = new
            {
                idempotencyKey = WriteData.Key(), creditCode = code, @class, reason,
                expiresOn = @class is null ? null : "2027-06-30", expectedRevision = revision,
            },
        })).EnsureData();
}
