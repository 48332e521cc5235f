using ProductQuality.Graph.Access;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Tests.Text;

/// <summary>
/// The renderer over many generated explanations, reasons and contracts: a reader gets every clause, part and factor
/// whose groups it reads, none other, in order, and always a sentence.
/// </summary>
public sealed class ReaderTextTests
{
    private static readonly FactGroup[] Facts = Enum.GetValues<FactGroup>();

    public static TheoryData<int> Seeds { get; } = new() { 1, 2, 3, 4, 5, 6, 7, 8 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_summary_keeps_exactly_the_clauses_the_contract_reads(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            var (contract, groups) = RandomContract(random);
            var clauses = Enumerable.Range(0, random.Next(0, 6))
                .Select(n => RandomClause(random, $"clause {n}")).ToArray();
            var factors = Enumerable.Range(0, random.Next(0, 6))
                .Select(n => new ExplanationFactor($"factor {n}", "v", null, "e", Facts[random.Next(Facts.Length)]))
                .ToArray();
            var explanation = new Explanation("rule", "X", "full", factors, "v1", "Headline", clauses);

            var summary = contract.SummaryFor(explanation);
            var shown = clauses.Where(c => c.Groups.All(g => Sees(groups, g))).Select(c => c.Text).ToArray();
            Assert.Equal(shown.Length == 0 ? "Headline" : "Headline: " + string.Join("; ", shown), summary);
            Assert.Equal(factors.Where(f => Sees(groups, f.Group!.Value)), contract.FactorsFor(explanation));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_reason_keeps_exactly_the_parts_the_contract_reads_or_says_the_neutral_sentence(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            var (contract, groups) = RandomContract(random);
            var parts = Enumerable.Range(0, random.Next(1, 6)).Select(n => RandomClause(random, $"part {n}")).ToArray();

            var reason = contract.ReasonFor(ReasonJson.Serialize(parts), "neutral");

            var shown = parts.Where(p => p.Groups.All(g => Sees(groups, g))).Select(p => p.Text).ToArray();
            Assert.Equal(shown.Length == 0 ? "neutral" : string.Join("; ", shown), reason);
        }
    }

    [Fact]
    public void Text_stored_before_tagging_is_read_whole_by_the_regulators_only()
    {
        var legacyFactor = new ExplanationFactor("penalties (行政处罚) in 3 years", "1", null, "not AA");
        var legacy = new Explanation("enterprise-class", "A", "Class A (A类): 1 penalty", [legacyFactor], "v1");
        var partner = new SchemaContract(
            "partner", Enum.GetValues<FieldGroup>().Where(g => g != FieldGroup.Write)
                .ToDictionary(g => g, _ => FieldAccess.Full));

        const string legacyReason = "downgraded: 2 failed samplings";
        Assert.Equal(legacyReason, SchemaContract.Full.ReasonFor(legacyReason, "neutral"));
        Assert.Equal("neutral", partner.ReasonFor(legacyReason, "neutral"));
        Assert.Equal("Class A (A类): 1 penalty", SchemaContract.Full.SummaryFor(legacy));
        Assert.Equal("Outcome (结果): A", partner.SummaryFor(legacy));
        Assert.Single(SchemaContract.Full.FactorsFor(legacy));
        Assert.Empty(partner.FactorsFor(legacy));
    }

    [Fact]
    public void Every_kind_of_fact_belongs_to_a_field_group_and_enforcement_only_to_the_regulators()
    {
        Assert.All(Facts, f => Assert.True(Enum.IsDefined(FactGroupAccess.FieldGroupOf(f))));
        Assert.Equal(FieldGroup.Write, FactGroupAccess.FieldGroupOf(FactGroup.Enforcement));
    }

    private static (SchemaContract Contract, Dictionary<FieldGroup, FieldAccess> Groups) RandomContract(Random random)
    {
        var groups = Enum.GetValues<FieldGroup>().Where(_ => random.Next(2) == 0).ToDictionary(
            g => g,
            _ => random.Next(4) switch
            {
                0 => FieldAccess.Masked,
                1 => FieldAccess.Limited,
                _ => FieldAccess.Full,
            });
        return (new SchemaContract("random", groups), groups);
    }

    // Read independently of the renderer: a fact is shown when its field group is visible, in full or masked.
    private static bool Sees(Dictionary<FieldGroup, FieldAccess> groups, FactGroup fact) =>
        groups.GetValueOrDefault(FactGroupAccess.FieldGroupOf(fact)) is FieldAccess.Full or FieldAccess.Masked;

    private static SummaryClause RandomClause(Random random, string text) =>
        new(text, [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => Facts[random.Next(Facts.Length)]).Distinct()]);
}
