namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>One supervision sampling (监督抽查) of an enterprise's product.</summary>
/// <param name="Date">Date of the result.</param>
/// <param name="Passed">True when the batch conformed (合格).</param>
/// <param name="SafetyItemFailed">True when a safety item (安全项目) failed; meaningful only when not passed.</param>
/// <param name="ProductId">The product sampled, used to recognise repeat failures (屡查屡犯); optional.</param>
public sealed record SamplingRecord(DateOnly Date, bool Passed, bool SafetyItemFailed = false, string? ProductId = null);
