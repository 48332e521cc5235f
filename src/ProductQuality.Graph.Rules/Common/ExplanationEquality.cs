namespace ProductQuality.Graph.Rules.Common;

/// <summary>
/// Whether two explanations say the same, part by part: the records hold lists, whose own equality is by reference.
/// The replay asks it to find the day an enterprise's explanation changes with none of its values (a sampling
/// leaving the window), so that the explanation it serves is re-evaluated that day.
/// </summary>
public static class ExplanationEquality
{
    public static bool Same(Explanation a, Explanation b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Rule == b.Rule && a.Outcome == b.Outcome && a.Summary == b.Summary && a.RulesVersion == b.RulesVersion
            && a.Headline == b.Headline && a.Factors.SequenceEqual(b.Factors)
            && Same(a.Clauses ?? [], b.Clauses ?? []);
    }

    public static bool Same(IReadOnlyList<Explanation> a, IReadOnlyList<Explanation> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Count == b.Count && a.Zip(b).All(pair => Same(pair.First, pair.Second));
    }

    private static bool Same(IReadOnlyList<SummaryClause> a, IReadOnlyList<SummaryClause> b) =>
        a.Count == b.Count && a.Zip(b).All(pair =>
            pair.First.Text == pair.Second.Text && pair.First.Groups.SequenceEqual(pair.Second.Groups));
}
