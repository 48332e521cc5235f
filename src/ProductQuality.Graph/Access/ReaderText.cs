using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Access;

/// <summary>
/// Renders stored explanation and reason text for one contract: only the factors and clauses of fact groups it may
/// read, joined into a sentence that still reads as one. The single place text is filtered, so every text field
/// of the schema answers the same way.
/// </summary>
public static class ReaderText
{
    /// <summary>The explanation's factors the contract may read; untagged (legacy) ones for regulators only.</summary>
    public static IReadOnlyList<ExplanationFactor> FactorsFor(this SchemaContract contract, Explanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return explanation.Factors
            .Where(f => f.Group is { } g ? contract.Reads(g) : contract.ReadsEveryFact())
            .ToArray();
    }

    /// <summary>
    /// The explanation's factors the audience may read: its contract's, less the facts counted over every county when
    /// it sees one county only (<see cref="FactGroupAccess.Reads(Audience, FactGroup)"/>).
    /// </summary>
    public static IReadOnlyList<ExplanationFactor> FactorsFor(this Audience audience, Explanation explanation)
    {
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(explanation);
        return explanation.Factors
            .Where(f => f.Group is { } g ? audience.Reads(g) : audience.Contract.ReadsEveryFact())
            .ToArray();
    }

    /// <summary>
    /// The summary as this contract may read it: the headline and the clauses it may read. An explanation stored
    /// before clauses were tagged shows its outcome alone to anyone but the regulators.
    /// </summary>
    public static string SummaryFor(this SchemaContract contract, Explanation explanation) =>
        Summary(contract, explanation, contract.Reads);

    /// <summary>The summary as the audience may read it (its contract's, and its rows for city-wide counts).</summary>
    public static string SummaryFor(this Audience audience, Explanation explanation)
    {
        ArgumentNullException.ThrowIfNull(audience);
        return Summary(audience.Contract, explanation,
            clause => clause.Groups.Count > 0 && clause.Groups.All(audience.Reads));
    }

    private static string Summary(SchemaContract contract, Explanation explanation, Func<SummaryClause, bool> reads)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        if (explanation.Headline is null || explanation.Clauses is null)
        {
            return contract.ReadsEveryFact() ? explanation.Summary : $"Outcome (结果): {explanation.Outcome}";
        }

        var visible = explanation.Clauses.Where(reads).Select(c => c.Text).ToArray();
        return visible.Length == 0 ? explanation.Headline : explanation.Headline + ": " + string.Join("; ", visible);
    }

    /// <summary>
    /// A stored reason (<see cref="ReasonJson"/>) as this contract may read it: the parts it may read, or
    /// <paramref name="neutral"/> when it may read none. A reason stored as plain text before parts were tagged is
    /// read whole by the regulators only. <paramref name="alsoKeep"/>: a further condition on the parts kept.
    /// </summary>
    public static string ReasonFor(this SchemaContract contract, string? stored, string neutral,
        Func<SummaryClause, bool>? alsoKeep = null)
    {
        var parts = ReasonJson.Read(stored);
        if (parts is null)
        {
            return contract.ReadsEveryFact() && !string.IsNullOrEmpty(stored) ? stored : neutral;
        }

        var visible = parts.Where(p => contract.Reads(p) && alsoKeep?.Invoke(p) != false).Select(p => p.Text)
            .ToArray();
        return visible.Length == 0 ? neutral : string.Join("; ", visible);
    }
}
