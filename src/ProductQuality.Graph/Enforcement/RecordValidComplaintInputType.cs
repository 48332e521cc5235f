using GraphQL.Types;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enforcement;

public sealed class RecordValidComplaintInputType : WriteInputType<RecordValidComplaintInput>
{
    public RecordValidComplaintInputType()
        : base("RecordValidComplaintInput", "A consumer complaint found valid (有效投诉).")
    {
        Field<NonNullGraphType<StringGraphType>>("creditCode").Description("The enterprise's unified social credit code (统一社会信用代码).");
        Field<NonNullGraphType<StringGraphType>>("productCode").Description("Catalogue product code (P001–P273) of the product complained about.");
        Field<NonNullGraphType<DateScalar>>("foundValidOn").Description("Date the complaint was found valid; not in the future.");
        Field<NonNullGraphType<StringGraphType>>("summary").Description("What the complaint was about (at most 2000 characters).");
    }
}
