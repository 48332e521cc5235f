namespace ProductQuality.Graph.Rules.Common;

/// <summary>
/// Why a rule produced its result: the stable rule id, the outcome, one plain sentence
/// (English first, the official Chinese term in brackets) and every input that mattered,
/// so that a bank officer can justify a decision and an enterprise can contest one.
/// </summary>
/// <param name="Rule">Stable rule id, one of <see cref="RuleIds"/>.</param>
/// <param name="Outcome">The result as a code, e.g. "C", "HIGH", "RED".</param>
/// <param name="Summary">One sentence, e.g. "Class C (C类): 2 failed samplings (监督抽查不合格) in 3 years ≥ threshold 2".</param>
/// <param name="Factors">The inputs considered, each with its value, threshold and effect.</param>
/// <param name="RulesVersion">The <see cref="RulesOptions.Version"/> that produced the result.</param>
public sealed record Explanation(
    string Rule,
    string Outcome,
    string Summary,
    IReadOnlyList<ExplanationFactor> Factors,
    string RulesVersion);
