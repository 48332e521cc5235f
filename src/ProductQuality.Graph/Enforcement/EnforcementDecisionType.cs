using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enforcement;

/// <summary>An enforcement decision as recorded; reached through the write payloads.</summary>
public sealed class EnforcementDecisionType : ContractObjectGraphType<EnforcementDecision>
{
    public EnforcementDecisionType(SchemaContract contract)
        : base(contract)
    {
        Name = "EnforcementDecision";
        Description = "Enforcement decision (处罚决定) against an enterprise.";
        Field<NonNullGraphType<EnforcementKindType>>(FieldGroup.Write, "kind").Description("Kind of decision.")
            .ResolveSource(s => s.Kind);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Write, "decisionNumber")
            .Description("Decision number (决定书文号).").ResolveSource(s => s.DecisionNumber);
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Write, "decidedOn").Description("Date of the decision (决定日期).")
            .ResolveSource(s => s.DecidedOn);
        Field<NonNullGraphType<DecimalScalar>>(FieldGroup.Write, "fineYuan")
            .Description("Fine in yuan (罚款金额), 0 when none.").ResolveSource(s => s.FineYuan);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Write, "summary").Description("What was decided, in words.")
            .ResolveSource(s => s.Summary);
        Field<StringGraphType>(FieldGroup.Write, "recordedBy")
            .Description("Who recorded it: department/subject of the writer's token.")
            .ResolveSource(s => s.RecordedBy);
    }
}
