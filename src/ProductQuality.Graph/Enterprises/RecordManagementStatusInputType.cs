using GraphQL.Types;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Enterprises;

public sealed class RecordManagementStatusInputType : WriteInputType<RecordManagementStatusInput>
{
    public RecordManagementStatusInputType()
        : base("RecordManagementStatusInput", "An enterprise's traceability (追溯能力) and quality management system (质量管理体系) status from a date.")
    {
        Field<NonNullGraphType<StringGraphType>>("creditCode").Description("The enterprise's unified social credit code (统一社会信用代码).");
        Field<NonNullGraphType<TraceabilityType>>("traceability").Description("Traceability capability (追溯能力).");
        Field<NonNullGraphType<QualitySystemType>>("qualitySystem").Description("Quality management system (质量管理体系).");
        Field<NonNullGraphType<DateScalar>>("effectiveFrom").Description("Date from which the status holds; not in the future.");
        Field<NonNullGraphType<StringGraphType>>("note").Description("What the status rests on, e.g. the audit or certificate (at most 256 characters).");
    }
}
