using System.ComponentModel;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Enforcement;

/// <summary>An enforcement decision (处罚决定) to record.</summary>
[Description("An enforcement decision (处罚决定) against an enterprise.")]
public sealed class RecordEnforcementDecisionInput : WriteInput
{
    [Description("The enterprise's unified social credit code (统一社会信用代码).")]
    public string CreditCode { get; init; } = "";

    [Description("Kind of decision.")]
    public EnforcementKind Kind { get; init; }

    [Description("Decision number (决定书文号), at most 256 characters; required and unique.")]
    public string DecisionNumber { get; init; } = "";

    [Description("Date of the decision; not in the future, nor more than 20 years ago.")]
    public DateOnly DecidedOn { get; init; }

    [Description("Fine in yuan (罚款金额), from 0 to 999999999999.99, to the fen (分): at most two decimal places.")]
    public decimal FineYuan { get; init; }

    [Description("What was decided, in words (at most 2000 characters).")]
    public string Summary { get; init; } = "";
}
