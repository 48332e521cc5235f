using GraphQL.Types;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Enterprises;

public sealed class OverrideEnterpriseClassInputType : WriteInputType<OverrideEnterpriseClassInput>
{
    public OverrideEnterpriseClassInputType()
        : base("OverrideEnterpriseClassInput", "A manual class decision (人工调整分类) for an enterprise, or the withdrawal of one.")
    {
        Field<NonNullGraphType<StringGraphType>>("creditCode").Description("The enterprise's unified social credit code (统一社会信用代码).");
        Field<EnterpriseClassType>("class").Description("The class to apply; null withdraws the override in force.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why (调整理由), at most 1000 characters; required, also for a withdrawal.");
        Field<DateScalar>("expiresOn").Description("Last day the override applies; after today. Required unless withdrawing.");
        Field<NonNullGraphType<IntGraphType>>("expectedRevision").Description("The enterprise's overrideRevision as you read it; a stale one is refused with CONFLICT.");
    }
}
