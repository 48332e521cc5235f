using GraphQL.Types;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enforcement;

public sealed class RecordEnforcementDecisionInputType : WriteInputType<RecordEnforcementDecisionInput>
{
    public RecordEnforcementDecisionInputType()
        : base("RecordEnforcementDecisionInput", "An enforcement decision (处罚决定) against an enterprise.")
    {
        Field<NonNullGraphType<StringGraphType>>("creditCode").Description("The enterprise's unified social credit code (统一社会信用代码).");
        Field<NonNullGraphType<EnforcementKindType>>("kind").Description("Kind of decision.");
        Field<NonNullGraphType<StringGraphType>>("decisionNumber").Description("Decision number (决定书文号); required and unique.");
        Field<NonNullGraphType<DateScalar>>("decidedOn").Description("Date of the decision; not in the future.");
        Field<NonNullGraphType<DecimalScalar>>("fineYuan").Description("Fine in yuan (罚款金额), 0 or more.");
        Field<NonNullGraphType<StringGraphType>>("summary").Description("What was decided, in words (at most 2000 characters).");
    }
}
