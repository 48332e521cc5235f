namespace ProductQuality.Graph.Assessment;

/// <summary>A supervision sampling result (监督抽查) as the rules see it.</summary>
public sealed record SamplingFact(DateOnly Date, string ProductCode, bool Passed, bool SafetyItemFailed, DateOnly? RectificationOrderedOn, bool IsFollowUp = false);
