using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>
/// The issue's end-to-end story over HTTP: a failed sampling for an AA enterprise changes its class, colours, index,
/// assured status and its town's colour counts — in the mutation's own answer and in every later query.
/// </summary>
[Collection(WritableServerCollection.Name)]
public sealed class ThreeDivisionFlowTests(WritableServerFactory factory)
{
    private const string State = """
        creditCode class classEffectiveFrom healthCode mapColour qualityIndex assured blacklisted
        classExplanation { rule outcome summary }
        town { code assessment { effectiveFrom redCount yellowCount blueCount greenCount enterpriseCount } }
        """;

    private readonly HttpClient _city = factory.ClientFor("samr-jiaxing");

    [Fact]
    public async Task A_failed_sampling_for_an_AA_enterprise_downgrades_it_at_once_everywhere()
    {
        // The last AA assured enterprise: the other write tests pick theirs from the start of the table.
        var (code, product) = await factory.DbAsync(async db =>
        {
            var e = await db.Enterprises.AsNoTracking()
                .Where(e => e.Class == EnterpriseClass.AA && e.IsAssured && !e.IsBlacklisted)
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
        var before = await EnterpriseAsync(code);
        Assert.Equal(("AA", "GREEN", true),
            (before.GetProperty("class").GetString(), before.GetProperty("healthCode").GetString(),
                before.GetProperty("assured").GetBoolean()));

        var mutation = $"mutation($input: RecordSamplingInput!) {{ recordSampling(input: $input) {{ replayed "
            + $"enterprise {{ {State} }} }} }}";
        var reply = (await _city.PostAsync(mutation,
            Writes.Sampling(code, product, passed: false, sampledOn: WriteData.Today))).EnsureData();
        var answered = reply.Data.GetProperty("recordSampling").GetProperty("enterprise");
        var later = await EnterpriseAsync(code);

        foreach (var now in new[] { answered, later })
        {
            Assert.Equal("B", now.GetProperty("class").GetString());
            Assert.Equal(WriteData.Today, now.GetProperty("classEffectiveFrom").GetString());
            Assert.Equal("YELLOW", now.GetProperty("healthCode").GetString());
            Assert.False(now.GetProperty("assured").GetBoolean());

            // One failed sampling with a failed safety item: −10 and −10 more (DOMAIN.md quality index).
            Assert.Equal(before.GetProperty("qualityIndex").GetDouble() - 20,
                now.GetProperty("qualityIndex").GetDouble());
            Assert.Contains(now.GetProperty("classExplanation").EnumerateArray(),
                x => x.GetProperty("summary").GetString()!.Contains("降级", StringComparison.Ordinal));
            var town = now.GetProperty("town").GetProperty("assessment");
            Assert.Equal(WriteData.Today, town.GetProperty("effectiveFrom").GetString());
            var oldColour = before.GetProperty("mapColour").GetString()!;
            var newColour = now.GetProperty("mapColour").GetString()!;
            if (oldColour != newColour)
            {
                var was = before.GetProperty("town").GetProperty("assessment");
                Assert.Equal(Count(was, oldColour) - 1, Count(town, oldColour));
                Assert.Equal(Count(was, newColour) + 1, Count(town, newColour));
            }
        }

        Assert.Equal(later.GetRawText(), answered.GetRawText());
    }

    private static int Count(JsonElement assessment, string colour) =>
        assessment.GetProperty(colour.ToLowerInvariant() + "Count").GetInt32();

    private async Task<JsonElement> EnterpriseAsync(string code) =>
        (await _city.PostAsync($"query($c: String!) {{ enterprise(creditCode: $c) {{ {State} }} }}", new { c = code }))
            .EnsureData().Data.GetProperty("enterprise").Clone();
}
