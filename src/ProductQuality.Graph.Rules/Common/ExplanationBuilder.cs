using System.Globalization;

namespace ProductQuality.Graph.Rules.Common;

/// <summary>
/// Collects factors and summary clauses while a rule runs, so each rule states its inputs where it weighs them
/// instead of rebuilding the list at the end, and tags each with the kind of fact it states.
/// </summary>
internal sealed class ExplanationBuilder(string rule, string version)
{
    private readonly List<ExplanationFactor> factors = [];
    private readonly List<SummaryClause> clauses = [];

    public ExplanationBuilder Factor(FactGroup group, string name, string value, string? threshold, string effect)
    {
        factors.Add(new ExplanationFactor(name, value, threshold, effect, group));
        return this;
    }

    /// <summary>Adds a clause to the summary, after the headline; it states facts of every group given.</summary>
    public ExplanationBuilder Clause(string text, params FactGroup[] groups)
    {
        if (groups.Length == 0)
        {
            throw new ArgumentException("A clause states at least one kind of fact.", nameof(groups));
        }

        clauses.Add(new SummaryClause(text, groups.Distinct().ToArray()));
        return this;
    }

    /// <summary>Adds one clause per text, all stating facts of the same group.</summary>
    public ExplanationBuilder Clauses(IEnumerable<string> texts, FactGroup group)
    {
        foreach (var text in texts)
        {
            Clause(text, group);
        }

        return this;
    }

    /// <summary>The explanation; its summary is the headline followed by the clauses.</summary>
    public Explanation Build(string outcome, string headline)
    {
        var summary = clauses.Count == 0 ? headline : headline + ": " + string.Join("; ", clauses.Select(c => c.Text));
        return new(rule, outcome, summary, factors.ToArray(), version, headline, clauses.ToArray());
    }

    // Explanations are contractual text; never let the server's culture change a number or date.
    public static string Inv(FormattableString text) => FormattableString.Invariant(text);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"1 penalty", "2 penalties": explanations are read by people, and "1 valid complaints" or "not AA: 1
    /// penalties" was what a credit officer would quote (the text probes).</summary>
    public static string Counted(decimal count, string one, string many) =>
        Number(count) is var written && written == "1" ? written + " " + one : written + " " + many;
}
