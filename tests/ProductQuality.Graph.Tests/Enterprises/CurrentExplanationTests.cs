using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Recording;

namespace ProductQuality.Graph.Tests.Enterprises;

/// <summary>
/// classExplanation states today's facts. It was the explanation of the day the class was last set: "no sampling
/// history (无监督抽查记录) in 3 years" beside eight samplings since, for most enterprises of the data set (the domain
/// probe: 1,859 of 3,000 with a sampling count no longer true). Checked over the whole data set, and after a write.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CurrentExplanationTests(GraphServerFactory factory)
{
    internal const string SamplingsFactor = "samplings (监督抽查) in 3 years";

    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public async Task Every_enterprises_explanation_counts_the_samplings_of_todays_window()
    {
        var client = factory.ClientFor("samr-jiaxing");
        var wrong = new List<string>();
        var checkedCount = 0;
        string? after = null;
        do
        {
            var page = (await client.PostAsync("""
                query($after: String) { enterprises(first: 25, after: $after) {
                  pageInfo { endCursor hasNextPage }
                  edges { node { creditCode classExplanation { factors { name value } }
                    inspections(limit: 200) { sampledOn } } } } }
                """, new { after })).EnsureData().Data.GetProperty("enterprises");
            foreach (var node in page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")))
            {
                var explained = SamplingsIn(node);
                var inWindow = node.GetProperty("inspections").EnumerateArray()
                    .Select(i => DateOnly.Parse(i.GetProperty("sampledOn").GetString()!, CultureInfo.InvariantCulture))
                    .Count(d => d >= Today.AddYears(-3) && d <= Today);
                checkedCount++;
                if (explained != inWindow)
                {
                    var code = node.GetProperty("creditCode").GetString();
                    wrong.Add($"{code}: explained {explained}, in window {inWindow}");
                }
            }

            var info = page.GetProperty("pageInfo");
            after = info.GetProperty("hasNextPage").GetBoolean() ? info.GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.True(checkedCount > 100, $"only {checkedCount} enterprises");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {checkedCount}:\n" + string.Join('\n', wrong.Take(10)));
    }

    internal static int SamplingsIn(JsonElement enterprise) => int.Parse(enterprise.GetProperty("classExplanation")
        .EnumerateArray().SelectMany(e => e.GetProperty("factors").EnumerateArray())
        .First(f => f.GetProperty("name").GetString() == SamplingsFactor).GetProperty("value").GetString()!,
        CultureInfo.InvariantCulture);
}

/// <summary>
/// A write refreshes today's explanation; an enterprise without one yet is served its class record's.
/// </summary>
[Collection(WritableServerCollection.Name)]
public sealed class CurrentExplanationAfterWriteTests(WritableServerFactory factory)
{
    private const string Query = """
        query($code: String!) { enterprise(creditCode: $code) {
          classExplanation { summary factors { name value } } qualityIndexExplanation { summary }
          classHistory { explanation { summary } } } }
        """;

    private readonly HttpClient _city = factory.ClientFor("samr-jiaxing");

    [Fact]
    public async Task A_passed_sampling_is_counted_at_once_and_an_enterprise_without_a_row_reads_its_class_record()
    {
        var (id, code, product) = await factory.DbAsync(async db =>
        {
            // A class B enterprise from the middle of the table: other write tests take theirs from its start, its
            // end (the last AA or A) or the assured ones, and read their own samplings as the newest.
            var e = await db.Enterprises.AsNoTracking()
                .Where(e => e.Class == Rules.Common.EnterpriseClass.B && !e.IsBlacklisted && !e.IsAssured)
                .OrderBy(e => e.Id).Skip(60).Select(e => new
                {
                    e.Id, e.CreditCode,
                    Product = db.EnterpriseProducts.Where(p => p.EnterpriseId == e.Id).Select(p => p.ProductCode)
                        .First(),
                }).FirstAsync();
            return (e.Id, e.CreditCode, e.Product);
        });
        var before = CurrentExplanationTests.SamplingsIn(await EnterpriseAsync(code));

        (await _city.PostAsync(Writes.RecordSampling, Writes.Sampling(code, product, passed: true,
            report: WriteData.Unique("JX-EXPL"), sampledOn: "2026-11-27"))).EnsureData();

        Assert.Equal(before + 1, CurrentExplanationTests.SamplingsIn(await EnterpriseAsync(code)));

        // Before the start-up run reaches an upgraded database's enterprise: its class record's explanation.
        await factory.DbAsync(db => db.CurrentExplanations.Where(e => e.EnterpriseId == id).ExecuteDeleteAsync());
        var fallback = await EnterpriseAsync(code);
        Assert.Equal(fallback.GetProperty("classHistory")[0].GetProperty("explanation")[0].GetProperty("summary")
            .GetString(), fallback.GetProperty("classExplanation")[0].GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Object, fallback.GetProperty("qualityIndexExplanation").ValueKind);
    }

    private async Task<JsonElement> EnterpriseAsync(string code) =>
        (await _city.PostAsync(Query, new { code })).EnsureData().Data.GetProperty("enterprise");
}
