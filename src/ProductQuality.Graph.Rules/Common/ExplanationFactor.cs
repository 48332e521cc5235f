namespace ProductQuality.Graph.Rules.Common;

/// <summary>One input of a rule as it was weighed.</summary>
/// <param name="Name">What the input is, e.g. "failed samplings (监督抽查不合格) in 3 years".</param>
/// <param name="Value">Its value, formatted invariantly.</param>
/// <param name="Threshold">The threshold it was compared with, if any.</param>
/// <param name="Effect">What it did to the result, e.g. "class C", "−10 points", "none".</param>
/// <param name="Group">
/// The kind of fact it states; null only in explanations stored before facts were tagged (shown to regulators only).
/// </param>
public sealed record ExplanationFactor(
    string Name, string Value, string? Threshold, string Effect, FactGroup? Group = null);
