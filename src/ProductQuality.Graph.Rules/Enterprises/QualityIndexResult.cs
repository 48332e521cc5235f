using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>The enterprise's quality safety index (产品质量安全指数).</summary>
/// <param name="Index">0–100: 100 minus the deductions, never below 0.</param>
/// <param name="Deductions">Every deduction, in the order applied.</param>
/// <param name="Explanation">Summary; one factor per deduction.</param>
public sealed record QualityIndexResult(int Index, IReadOnlyList<IndexDeduction> Deductions, Explanation Explanation);
