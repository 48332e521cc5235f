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
            .Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Write, "decisionNumber")
            .Description("Decision number (决定书文号).").Resolve(c => c.Source.DecisionNumber);
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Write, "decidedOn").Description("Date of the decision (决定日期).")
            .Resolve(c => c.Source.DecidedOn);
        Field<NonNullGraphType<DecimalScalar>>(FieldGroup.Write, "fineYuan")
            .Description("Fine in yuan (罚款金额), 0 when none.").Resolve(c => c.Source.FineYuan);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Write, "summary").Description("What was decided, in words.")
            .Resolve(c => c.Source.Summary);
        Field<StringGraphType>(FieldGroup.Write, "recordedBy")
            .Description("Who recorded it: department/subject of the writer's token.")
            .Resolve(c => c.Source.RecordedBy);
    }
}
