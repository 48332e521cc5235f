using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Rules.Blacklist;

namespace ProductQuality.Graph.Blacklist;

/// <summary>A blacklist listing or removal decided by the regulator, to record.</summary>
public sealed class RecordBlacklistDecisionInput : WriteInput
{
    public string? CreditCode { get; init; }
    public BlacklistAction Action { get; init; }
    public string? DecisionNumber { get; init; }
    public DateOnly DecidedOn { get; init; }
    public BlacklistReason? ReasonCategory { get; init; }
    public string? Reason { get; init; }
}
