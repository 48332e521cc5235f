using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Enterprises;

/// <summary>A traceability and quality-system record as recorded; reached through the write payloads.</summary>
public sealed class ManagementRecordType : ContractObjectGraphType<ManagementRecord>
{
    public ManagementRecordType(SchemaContract contract)
        : base(contract)
    {
        Name = "ManagementRecord";
        Description = "An effective-dated record of traceability (追溯能力) and quality management system (质量管理体系).";
        Field<NonNullGraphType<TraceabilityType>>(FieldGroup.Write, "traceability")
            .Description("Traceability capability (追溯能力).").ResolveSource(s => s.Traceability);
        Field<NonNullGraphType<QualitySystemType>>(FieldGroup.Write, "qualitySystem")
            .Description("Quality management system (质量管理体系).").ResolveSource(s => s.QualitySystem);
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Write, "effectiveFrom")
            .Description("Date from which the status holds.").ResolveSource(s => s.EffectiveFrom);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Write, "note")
            .Description("What the status rests on (audit, certificate).").ResolveSource(s => s.Note);
        Field<StringGraphType>(FieldGroup.Write, "recordedBy")
            .Description("Who recorded it: department/subject of the writer's token.")
            .ResolveSource(s => s.RecordedBy);
    }
}
