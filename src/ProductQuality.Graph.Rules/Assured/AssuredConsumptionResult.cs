using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Assured;

/// <summary>The assured consumption unit decision (放心消费单位).</summary>
/// <param name="Status">Granted, continued, revoked or not eligible.</param>
/// <param name="ConditionsMet">True when the conditions hold today, whatever the grant.</param>
/// <param name="ValidUntil">Last day of validity when granted or continued.</param>
/// <param name="Reasons">The conditions that decided, in plain English with the Chinese term.</param>
/// <param name="Explanation">Summary and factors.</param>
/// <param name="RunLongEnoughOn">
/// For class A short of its years at A or better: the day the run reaches them, when the title may be granted
/// without any new fact (null otherwise).
/// </param>
public sealed record AssuredConsumptionResult(
    AssuredStatus Status,
    bool ConditionsMet,
    DateOnly? ValidUntil,
    IReadOnlyList<string> Reasons,
    Explanation Explanation,
    DateOnly? RunLongEnoughOn = null)
{
    /// <summary>True when the enterprise holds the title after this decision.</summary>
    public bool IsAssured => Status is AssuredStatus.Granted or AssuredStatus.Continued;
}
