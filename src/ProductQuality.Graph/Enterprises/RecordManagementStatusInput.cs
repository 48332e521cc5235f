using System.ComponentModel;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Enterprises;

/// <summary>A traceability and quality-system status to record.</summary>
[Description("An enterprise's traceability (追溯能力) and quality management system (质量管理体系) status from a date.")]
public sealed class RecordManagementStatusInput : WriteInput
{
    [Description("The enterprise's unified social credit code (统一社会信用代码).")]
    public string CreditCode { get; init; } = "";

    [Description("Traceability capability (追溯能力).")]
    public Traceability Traceability { get; init; }

    [Description("Quality management system (质量管理体系).")]
    public QualitySystem QualitySystem { get; init; }

    [Description("Date from which the status holds; not in the future, nor more than 20 years ago.")]
    public DateOnly EffectiveFrom { get; init; }

    [Description("What the status rests on, e.g. the audit or certificate (at most 256 characters).")]
    public string Note { get; init; } = "";
}
