using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.Rules.Products;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Text;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>
/// A tier grading that changed nothing a reader can see is not shown to it, and its reason does not say that a fact
/// arrived: every grading was served to every reader of tiers, "re-graded after a new fact" on each day a product's
/// one maker was sampled — passed samplings included — to readers without inspections (sci-tech) and to county
/// bureaus for other counties' makers (the access probe). Checked as a property over every product of the test data,
/// for every contract with product tiers but not inspections, and a county bureau. The score too is not a change such a
/// reader sees: its nonconformity part is a rate that moves with every sampling of the product's makers, passed ones
/// too, and rows kept for a change of score alone dated them (22 of the 174 rows drc read of one-maker products).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class TierHistoryViewTests(GraphServerFactory factory)
{
    private const string Rows = "code tierHistory { effectiveFrom tier riskScore isOverride overrideExpiresOn reason "
        + "explanation { rule outcome rulesVersion summary factors { name value threshold effect } } }";

    // The reasons that state that a fact of the product came or went that day.
    private static readonly string[] FactReasons = [ProductRegrading.FactReason, ProductRegrading.DueReason];

    // Every department whose contract reads tiers but not inspections (checked below against the policy), and a
    // county bureau, which reads no count over every county: none of another county's maker's samplings.
    private static readonly string[] Checked = ["drc", "finance", "samr-330402", "sci-tech"];

    public static TheoryData<string> Readers() => new(Checked);

    [Fact]
    public void Every_contract_with_tiers_but_not_inspections_is_checked()
    {
        var policy = factory.Services.GetRequiredService<AccessPolicy>();
        var partial = policy.Departments.Where(d => policy.ForDepartment(d)!.Contract is var c
            && c.Sees(FieldGroup.ProductTiers) && !c.Sees(FieldGroup.Inspections));

        Assert.Subset(Checked.ToHashSet(), partial.ToHashSet());
        Assert.NotNull(policy.ForDepartment("samr-330402")!.Rows.County);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task No_grading_a_reader_sees_repeats_the_one_before_it_or_dates_a_sampling(string department)
    {
        var sampled = await OneMakerSamplingDaysAsync();
        Assert.True(sampled.Count > 10, $"only {sampled.Count} products with one maker and samplings");
        var products = await WholeTierHistories.ReadAsync(factory.ClientFor(department), Rows);
        var rows = 0;
        var (repeats, datedSamplings, factReasons) = (new List<string>(), new List<string>(), new List<string>());
        foreach (var product in products)
        {
            var code = product.GetProperty("code").GetString()!;
            var history = product.GetProperty("tierHistory").EnumerateArray().ToList();
            Assert.NotEmpty(history);
            rows += history.Count;
            for (var i = 0; i < history.Count; i++)
            {
                var on = DateOnly.Parse(history[i].GetProperty("effectiveFrom").GetString()!);
                var reason = history[i].GetProperty("reason").GetString()!;
                if (FactReasons.Contains(reason))
                {
                    factReasons.Add($"{code} {on:yyyy-MM-dd}");
                }

                // A row that changes only values derived from facts the reader may not see (the score, the summary
                // that states it) says only that such a fact changed that day: for a product with one maker, a
                // sampling of that maker, or one leaving the window.
                if (i + 1 < history.Count && Visible(history[i]) == Visible(history[i + 1]))
                {
                    repeats.Add($"{code} {on:yyyy-MM-dd}");
                }

                // On a day its one maker was sampled, a row is dated only by a change of the tier or the override
                // (the product's grading) or of a part computed from the reader's own facts (a signal, a trait).
                if (i + 1 < history.Count && sampled.TryGetValue(code, out var days) && days.Contains(on)
                    && Visible(history[i]) == Visible(history[i + 1]))
                {
                    datedSamplings.Add($"{code} {on:yyyy-MM-dd}");
                }
            }
        }

        Assert.True(rows > products.Count, $"only {rows} gradings read");
        Assert.True(datedSamplings.Count == 0, $"{datedSamplings.Count} gradings date a sampling of a product's one "
            + $"maker and change nothing {department} sees, e.g. {string.Join(", ", datedSamplings.Take(5))}");
        Assert.True(repeats.Count == 0,
            $"{repeats.Count} gradings change only values derived from hidden facts, e.g. "
            + string.Join(", ", repeats.Take(5)));
        Assert.True(factReasons.Count == 0, $"{factReasons.Count} reasons say a fact came or went that day, e.g. "
            + string.Join(", ", factReasons.Take(5)));
    }

    [Fact]
    public async Task The_regulator_still_reads_every_grading_as_stored()
    {
        var stored = await factory.DbAsync(db => db.ProductTierAssessments.AsNoTracking()
            .OrderBy(a => a.ProductCode).ThenByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.Id)
            .Select(a => new { a.ProductCode, a.EffectiveFrom, a.Reason }).ToListAsync());
        var products = await WholeTierHistories.ReadAsync(factory.ClientFor("samr-jiaxing"),
            "code tierHistory { effectiveFrom reason }");

        var read = products.SelectMany(p => p.GetProperty("tierHistory").EnumerateArray().Select(r =>
            (p.GetProperty("code").GetString()!, r.GetProperty("effectiveFrom").GetString()!,
                r.GetProperty("reason").GetString()!)));
        Assert.Equal(stored.Select(a => (a.ProductCode, a.EffectiveFrom.ToString("yyyy-MM-dd"), a.Reason)), read);
        Assert.Contains(stored, a => a.Reason == ProductRegrading.FactReason);
    }

    /// <summary>
    /// A short <c>limit</c> gives the newest gradings of the reader's history, not the newest stored ones filtered:
    /// the history is read whole, and the oldest row read is compared with the one before it. Fields of other limits
    /// in one request share that read (17 aliases of the catalogue's history, each of its own limit, read it 17 times
    /// and ran past the timeout: the cost probe) and cut the same history.
    /// </summary>
    [Fact]
    public async Task A_limit_cuts_the_history_the_reader_reads()
    {
        const string rows = "{ effectiveFrom tier riskScore }";
        var client = factory.ClientFor("sci-tech");
        var whole = (await WholeTierHistories.ReadAsync(client, "code tierHistory " + rows))
            .ToDictionary(p => p.GetProperty("code").GetString()!, p => Gradings(p, "tierHistory"));
        var cut = await WholeTierHistories.EachAsync(client,
            $"code three: tierHistory(limit: 3) {rows} one: tierHistory(limit: 1) {rows} none: tierHistory(limit: 0) "
            + rows);

        Assert.Equal(whole.Keys, cut.Select(p => p.GetProperty("code").GetString()!));
        Assert.All(cut, p =>
        {
            var history = whole[p.GetProperty("code").GetString()!];
            Assert.Equal(history.Take(3), Gradings(p, "three"));
            Assert.Equal(history.Take(1), Gradings(p, "one"));
            Assert.Empty(Gradings(p, "none"));
        });
    }

    private static List<string> Gradings(JsonElement product, string field) => product.GetProperty(field)
        .EnumerateArray().Select(r => r.GetRawText()).ToList();

    // What a reader may see change in a grading: not its date and reason, nor its score, the summary that states the
    // score, or the score factor's value (the sum of every part, hidden ones too); the tier that factor calls for is.
    private static string Visible(JsonElement row) => string.Join('|', row.EnumerateObject()
        .Where(p => p.Name is not ("effectiveFrom" or "reason" or "riskScore" or "explanation"))
        .Select(p => p.Value.GetRawText())
        .Concat(row.GetProperty("explanation") is { ValueKind: JsonValueKind.Object } explanation
            ? new[] { explanation.GetProperty("rule").GetRawText(), explanation.GetProperty("outcome").GetRawText() }
                .Concat(explanation.GetProperty("factors").EnumerateArray().Select(Factor))
            : []));

    private static string Factor(JsonElement f) => f.GetProperty("name").GetString() == ProductTierRule.ScoreFactor
        ? f.GetProperty("effect").GetRawText()
        : f.GetRawText();

    // The days each product with one maker was sampled on.
    private Task<Dictionary<string, HashSet<DateOnly>>> OneMakerSamplingDaysAsync() =>
        factory.DbAsync(async db =>
        {
            var single = await db.EnterpriseProducts.AsNoTracking().GroupBy(p => p.ProductCode)
                .Where(g => g.Count() == 1).Select(g => g.Key).ToListAsync();
            return (await db.Inspections.AsNoTracking().Where(i => single.Contains(i.ProductCode))
                    .Select(i => new { i.ProductCode, i.SampledOn }).ToListAsync())
                .GroupBy(i => i.ProductCode, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(i => i.SampledOn).ToHashSet(), StringComparer.Ordinal);
        });
}
