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

    /// <summary>
    /// A late fact supersedes the gradings of its product from its day on: today's tier history shows only their
    /// replacements (on SQLite it showed both, two rows a day: the re-probe), and the history as known yesterday is
    /// untouched.
    /// </summary>
    [Fact]
    public async Task A_late_fact_leaves_no_superseded_grading_in_todays_tier_history()
    {
        var (code, product) = await factory.DbAsync(async db => await db.EnterpriseProducts.AsNoTracking()
            .Where(p => db.Enterprises.Any(e => e.Id == p.EnterpriseId && !e.IsBlacklisted))
            .OrderByDescending(p => p.EnterpriseId).Skip(3)
            .Select(p => new { db.Enterprises.First(e => e.Id == p.EnterpriseId).CreditCode, p.ProductCode })
            .Select(p => ValueTuple.Create(p.CreditCode, p.ProductCode)).FirstAsync());
        const string history = """
            query($code: String!, $day: Date) { product(code: $code, asOf: $day) {
              tierHistory(limit: 60) { effectiveFrom tier riskScore reason } } }
            """;
        async Task<string> HistoryAsync(string? day) => (await _city.PostAsync(history, new { code = product, day }))
            .EnsureData().Data.GetProperty("product").GetProperty("tierHistory").GetRawText();
        var yesterdayBefore = await HistoryAsync(Yesterday);

        (await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, passed: false,
            report: WriteData.Unique("JX-TIER"), sampledOn: "2026-06-01"))).EnsureData();

        var current = await factory.DbAsync(db => db.ProductTierAssessments.AsNoTracking()
            .Where(a => a.ProductCode == product && a.SupersededAtUtc == null)
            .OrderByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.Id).Take(60)
            .Select(a => new { a.EffectiveFrom, a.RiskScore }).ToListAsync());
        var superseded = await factory.DbAsync(db => db.ProductTierAssessments.IgnoreQueryFilters()
            .CountAsync(a => a.ProductCode == product && a.SupersededAtUtc != null));
        Assert.True(superseded > 0, "the late fact superseded no grading: the test shows nothing");
        var today = JsonDocument.Parse(await HistoryAsync(null)).RootElement.EnumerateArray()
            .Select(r => (r.GetProperty("effectiveFrom").GetString()!, r.GetProperty("riskScore").GetDouble()));
        Assert.Equal(current.Select(a => (a.EffectiveFrom.ToString("yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture), a.RiskScore)), today);
        Assert.Equal(yesterdayBefore, await HistoryAsync(Yesterday));
    }

    private async Task<JsonElement> EnterpriseAsync(string code, string? day) =>
        (await _city.PostAsync(Query, new { code, day })).EnsureData().Data.GetProperty("enterprise").Clone();
}
