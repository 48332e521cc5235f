using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Recording;

namespace ProductQuality.Graph.Tests.History;

/// <summary>
/// <c>asOf</c> after a write: a late fact (a failed sampling dated last week, recorded today) revises the past for
/// today's readers, while what the bureau's data said yesterday stays what a bank saw yesterday.
/// </summary>
[Collection(WritableServerCollection.Name)]
public sealed class AsOfAfterWriteTests(WritableServerFactory factory)
{
    private const string Yesterday = "2026-11-27";
    private const string LastWeek = "2026-11-20";

    private const string Query = """
        query($code: String!, $day: Date) { enterprise(creditCode: $code, asOf: $day) {
          class classEffectiveFrom healthCode qualityIndex
          classHistory { effectiveFrom class reason }
          inspections(limit: 5) { reportNumber sampledOn passed } } }
        """;

    private readonly HttpClient _city = factory.ClientFor("samr-jiaxing");

    [Fact]
    public async Task A_late_failed_sampling_changes_now_and_the_past_as_seen_today_but_not_what_was_known_yesterday()
    {
        // The last AA or A enterprise not assured: other write tests take theirs from the start of the table or assured
        // ones.
        var (code, product) = await factory.DbAsync(async db =>
        {
            var e = await db.Enterprises.AsNoTracking()
                .Where(e => (e.Class == EnterpriseClass.AA || e.Class == EnterpriseClass.A) && !e.IsAssured
                    && !e.IsBlacklisted && e.ClassEffectiveFrom < new DateOnly(2026, 11, 1))
                .OrderByDescending(e => e.Id)
                .Select(e => new
                {
                    e.CreditCode,
                    Product = db.EnterpriseProducts.Where(p => p.EnterpriseId == e.Id).Select(p => p.ProductCode)
                        .First()
                })
                .FirstAsync();
            return (e.CreditCode, e.Product);
        });
        var before = await EnterpriseAsync(code, null);
        var knownYesterdayBefore = await EnterpriseAsync(code, Yesterday);

        var report = WriteData.Unique("JX-LATE");
        (await _city.PostAsync(Writes.RecordSampling,
            Writes.Sampling(code, product, passed: false, report: report, sampledOn: LastWeek))).EnsureData();

        var now = await EnterpriseAsync(code, null);
        var knownYesterday = await EnterpriseAsync(code, Yesterday);
        var lastWeekAsKnownThen = await EnterpriseAsync(code, LastWeek);

        // Now: downgraded from the sampling's date, and the history says so.
        Assert.Equal("B", now.GetProperty("class").GetString());
        Assert.Equal(LastWeek, now.GetProperty("classEffectiveFrom").GetString());
        Assert.Equal(report, now.GetProperty("inspections")[0].GetProperty("reportNumber").GetString());
        Assert.Contains(now.GetProperty("classHistory").EnumerateArray(),
            r => r.GetProperty("effectiveFrom").GetString() == LastWeek && r.GetProperty("class").GetString() == "B");

        // Yesterday, as the bureau knew it yesterday: untouched by the fact recorded today, superseded rows included.
        Assert.Equal(knownYesterdayBefore.GetRawText(), knownYesterday.GetRawText());
        Assert.Equal(before.GetProperty("class").GetString(), knownYesterday.GetProperty("class").GetString());
        Assert.DoesNotContain(knownYesterday.GetProperty("inspections").EnumerateArray(),
            i => i.GetProperty("reportNumber").GetString() == report);
        Assert.Equal(before.GetProperty("class").GetString(), lastWeekAsKnownThen.GetProperty("class").GetString());
        Assert.NotEqual(JsonValueKind.Null, lastWeekAsKnownThen.ValueKind);
    }

    private async Task<JsonElement> EnterpriseAsync(string code, string? day) =>
        (await _city.PostAsync(Query, new { code, day })).EnsureData().Data.GetProperty("enterprise").Clone();
}
