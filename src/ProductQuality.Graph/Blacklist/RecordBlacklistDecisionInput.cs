using System.ComponentModel;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Rules.Blacklist;

namespace ProductQuality.Graph.Blacklist;

/// <summary>A blacklist listing or removal decided by the regulator, to record.</summary>
[Description("A blacklist listing or removal decision (黑名单列入/移出决定) of the regulator.")]
public sealed class RecordBlacklistDecisionInput : WriteInput
{
    [Description("The enterprise's unified social credit code (统一社会信用代码).")]
    public string CreditCode { get; init; } = "";

    [Description("LIST or REMOVE.")]
    public BlacklistAction Action { get; init; }

    [Description("Decision number (决定书文号), at most 256 characters; required and unique among blacklist decisions.")]
    public string DecisionNumber { get; init; } = "";

    [Description("Date of the decision; not in the future, nor more than 20 years ago.")]
    public DateOnly DecidedOn { get; init; }

    [Description("Published reason category (列入原因类别); required for LIST.")]
    public BlacklistReason? ReasonCategory { get; init; }

    [Description("The reason in words (at most 2000 characters).")]
    public string Reason { get; init; } = "";
}
