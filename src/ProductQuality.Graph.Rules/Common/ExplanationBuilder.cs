using System.Globalization;

namespace ProductQuality.Graph.Rules.Common;

/// <summary>
/// Collects factors while a rule runs, so each rule states its inputs where it weighs them
/// instead of rebuilding the list at the end.
/// </summary>
internal sealed class ExplanationBuilder(string rule, string version)
{
    private readonly List<ExplanationFactor> factors = [];

    public ExplanationBuilder Factor(string name, string value, string? threshold, string effect)
    {
        factors.Add(new ExplanationFactor(name, value, threshold, effect));
        return this;
    }

    public Explanation Build(string outcome, string summary) =>
        new(rule, outcome, summary, factors.ToArray(), version);

    // Explanations are contractual text; never let the server's culture change a number or date.
    public static string Inv(FormattableString text) => FormattableString.Invariant(text);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
