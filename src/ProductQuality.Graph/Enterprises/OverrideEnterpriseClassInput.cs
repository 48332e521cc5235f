using System.ComponentModel;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Enterprises;

/// <summary>A manual class override (or its withdrawal) to record.</summary>
[Description("A manual class decision (人工调整分类) for an enterprise, or the withdrawal of one.")]
public sealed class OverrideEnterpriseClassInput : WriteInput
{
    [Description("The enterprise's unified social credit code (统一社会信用代码).")]
    public string CreditCode { get; init; } = "";

    [Description("The class to apply; null withdraws the override in force.")]
    public EnterpriseClass? Class { get; init; }

    [Description("Why (调整理由), at most 1000 characters; required, also for a withdrawal.")]
    public string Reason { get; init; } = "";

    [Description("Last day the override applies; after today. Required unless withdrawing. An override to a worse "
        + "class counts as a downgrade (升降原则): after it ends, the class the rules give may be kept from improving "
        + "for the upgrade wait (12 months by default), as after any downgrade.")]
    public DateOnly? ExpiresOn { get; init; }

    [Description("The enterprise's overrideRevision as you read it; a stale one is refused with CONFLICT.")]
    public int ExpectedRevision { get; init; }
}
