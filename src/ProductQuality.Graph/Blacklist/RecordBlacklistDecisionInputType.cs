using GraphQL.Types;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Blacklist;

public sealed class RecordBlacklistDecisionInputType : WriteInputType<RecordBlacklistDecisionInput>
{
    public RecordBlacklistDecisionInputType()
        : base("RecordBlacklistDecisionInput", "A blacklist listing or removal decision (黑名单列入/移出决定) of the regulator.")
    {
        Field<NonNullGraphType<StringGraphType>>("creditCode").Description("The enterprise's unified social credit code (统一社会信用代码).");
        Field<NonNullGraphType<BlacklistActionType>>("action").Description("LIST or REMOVE.");
        Field<NonNullGraphType<StringGraphType>>("decisionNumber").Description("Decision number (决定书文号); required and unique among blacklist decisions.");
        Field<NonNullGraphType<DateScalar>>("decidedOn").Description("Date of the decision; not in the future.");
        Field<BlacklistReasonType>("reasonCategory").Description("Published reason category (列入原因类别); required for LIST.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("The reason in words (at most 2000 characters).");
    }
}
