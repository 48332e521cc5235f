using System.ComponentModel;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Inspections;

/// <summary>A supervision sampling result (监督抽查结果) to record.</summary>
[Description("A supervision sampling result (监督抽查结果) of one batch of one product.")]
public sealed class RecordSamplingInput : WriteInput
{
    [Description("The enterprise's unified social credit code (统一社会信用代码).")]
    public string CreditCode { get; init; } = "";

    [Description("Catalogue product code (P001–P273); a product the enterprise makes.")]
    public string ProductCode { get; init; } = "";

    [Description("Production date or batch (生产日期/批号), at most 256 characters.")]
    public string Batch { get; init; } = "";

    [Description("Specification and model (规格型号), at most 256 characters.")]
    public string SpecModel { get; init; } = "";

    [Description("Sampling plan level (抽查类别).")]
    public SamplingLevel Level { get; init; }

    [Description("Testing laboratory (承检机构), at most 256 characters.")]
    public string Lab { get; init; } = "";

    [Description("Test report number (报告编号), at most 256 characters; unique.")]
    public string ReportNumber { get; init; } = "";

    [Description("Sampling date (抽样日期); not in the future, nor more than 20 years ago.")]
    public DateOnly SampledOn { get; init; }

    [Description("Overall verdict (综合判定): true for 合格, false for 不合格.")]
    public bool Passed { get; init; }

    [Description("Failed items (不合格项目): required when passed is false, refused when true; at most 100.")]
    public List<FailedItemInput>? FailedItems { get; init; }

    [Description("Date a rectification order (责令整改) was issued; only for a failed sampling, not before the sampling.")]
    public DateOnly? RectificationOrderedOn { get; init; }
}
