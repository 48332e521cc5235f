namespace ProductQuality.Graph.Rules.Common;

/// <summary>
/// Why a rule produced its result: the stable rule id, the outcome, one plain sentence
/// (English first, the official Chinese term in brackets) and every input that mattered,
/// so that a bank officer can justify a decision and an enterprise can contest one.
/// </summary>
/// <param name="Rule">Stable rule id, one of <see cref="RuleIds"/>.</param>
/// <param name="Outcome">The result as a code, e.g. "C", "HIGH", "RED".</param>
/// <param name="Summary">
/// The whole sentence, as a reader of every group sees it: <paramref name="Headline"/>, then the
/// <paramref name="Clauses"/>, e.g. "Class C (C类): 2 failed samplings (监督抽查不合格) in 3 years ≥ threshold 2".
/// </param>
/// <param name="Factors">The inputs considered, each with its value, threshold, effect and kind of fact.</param>
/// <param name="RulesVersion">The <see cref="RulesOptions.Version"/> that produced the result.</param>
/// <param name="Headline">The outcome alone, a sentence every reader of the explained value may see.</param>
/// <param name="Clauses">The reasons after the headline, each tagged with the facts it states.</param>
public sealed record Explanation(
    string Rule,
    string Outcome,
    string Summary,
    IReadOnlyList<ExplanationFactor> Factors,
    string RulesVersion,
    string? Headline = null,
    IReadOnlyList<SummaryClause>? Clauses = null);
