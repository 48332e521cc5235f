using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Enterprises;

/// <summary>A manual class override (人工调整) in force or as recorded.</summary>
public sealed class ClassOverrideType : ContractObjectGraphType<ClassOverride>
{
    public ClassOverrideType(SchemaContract contract)
        : base(contract)
    {
        Name = "ClassOverride";
        Description = "A manual class decision (人工调整分类) by the regulator, with its reason and expiry.";
        Field<EnterpriseClassType>(FieldGroup.Class, "class")
            .Description("The class that replaces the computed one; null when this record withdrew an override.")
            .ResolveSource(s => s.Class);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Class, "reason")
            .Description("Why the class was set by hand (调整理由).")
            .Resolve(c => Contract.Reads(FactGroup.Enforcement) ? c.Source.Reason : "set by the regulator (监管部门人工调整)");
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Class, "effectiveFrom")
            .Description("First day the override applies.")
            .ResolveSource(s => s.EffectiveFrom);
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Class, "expiresOn")
            .Description("Last day the override applies (inclusive).")
            .ResolveSource(s => s.ExpiresOn);
    }
}
