namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>
/// One supervision sampling (监督抽查) of an enterprise's product, as every rule sees it: the class rules read the
/// result, the blacklist rule the failure and the rectification order, the timeline's reasons the follow-up flag.
/// </summary>
/// <param name="Date">Date of the result.</param>
/// <param name="Passed">True when the batch conformed (合格).</param>
/// <param name="SafetyItemFailed">True when a safety item (安全项目) failed; meaningful only when not passed.</param>
/// <param name="ProductId">The product sampled, used to recognise repeat failures (屡查屡犯); optional.</param>
/// <param name="RectificationOrderedOn">When a rectification order (责令整改) followed the sampling, if one did.</param>
/// <param name="IsFollowUp">True for a follow-up sampling (复查) after a failure.</param>
public sealed record SamplingRecord(
    DateOnly Date,
    bool Passed,
    bool SafetyItemFailed = false,
    string? ProductId = null,
    DateOnly? RectificationOrderedOn = null,
    bool IsFollowUp = false);
