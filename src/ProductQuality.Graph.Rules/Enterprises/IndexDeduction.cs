using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>One deduction from the quality safety index.</summary>
/// <param name="Reason">
/// What it is for, English first with the Chinese term, e.g. "failed sampling (监督抽查不合格) on 2025-03-01".
/// </param>
/// <param name="Points">Points deducted (positive).</param>
/// <param name="Group">The kind of fact the deduction is for.</param>
public sealed record IndexDeduction(string Reason, int Points, FactGroup Group);
