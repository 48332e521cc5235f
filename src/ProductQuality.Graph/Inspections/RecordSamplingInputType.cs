using GraphQL.Types;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Inspections;

public sealed class RecordSamplingInputType : WriteInputType<RecordSamplingInput>
{
    public RecordSamplingInputType()
        : base("RecordSamplingInput", "A supervision sampling result (监督抽查结果) of one batch of one product.")
    {
        Field<NonNullGraphType<StringGraphType>>("creditCode").Description("The enterprise's unified social credit code (统一社会信用代码).");
        Field<NonNullGraphType<StringGraphType>>("productCode").Description("Catalogue product code (P001–P273); a product the enterprise makes.");
        Field<NonNullGraphType<StringGraphType>>("batch").Description("Production date or batch (生产日期/批号).");
        Field<NonNullGraphType<StringGraphType>>("specModel").Description("Specification and model (规格型号).");
        Field<NonNullGraphType<SamplingLevelType>>("level").Description("Sampling plan level (抽查类别).");
        Field<NonNullGraphType<StringGraphType>>("lab").Description("Testing laboratory (承检机构).");
        Field<NonNullGraphType<StringGraphType>>("reportNumber").Description("Test report number (报告编号); unique.");
        Field<NonNullGraphType<DateScalar>>("sampledOn").Description("Sampling date (抽样日期); not in the future.");
        Field<NonNullGraphType<BooleanGraphType>>("passed").Description("Overall verdict (综合判定): true for 合格, false for 不合格.");
        Field<ListGraphType<NonNullGraphType<FailedItemInputType>>>("failedItems").Description("Failed items (不合格项目): required when passed is false, refused when true.");
        Field<DateScalar>("rectificationOrderedOn").Description("Date a rectification order (责令整改) was issued; only for a failed sampling, not before the sampling.");
    }
}
