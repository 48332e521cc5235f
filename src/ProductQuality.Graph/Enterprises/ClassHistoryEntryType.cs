using GraphQL.Types;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Enterprises;

/// <summary>One dated evaluation of an enterprise.</summary>
public sealed class ClassHistoryEntryType : ContractObjectGraphType<EnterpriseAssessmentRecord>
{
    public ClassHistoryEntryType(SchemaContract contract)
        : base(contract)
    {
        Name = "ClassHistoryEntry";
        Description = "A dated evaluation of an enterprise's class (企业分类), health code and index. "
            + "History is append-only.";
        Field<NonNullGraphType<DateScalar>>(FieldGroup.Class, "effectiveFrom").Description("Date it took effect.")
            .ResolveSource(s => s.EffectiveFrom);
        Field<NonNullGraphType<EnterpriseClassType>>(FieldGroup.Class, "class").Description("The class.")
            .ResolveSource(s => s.Class);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Class, "reason").Description("What caused the evaluation.")
            .Resolve(c => Contract.ReasonFor(c.Source.Reason, "re-evaluated (重新评定)"));
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.Class, "isOverride")
            .Description("Set manually by the regulator (人工调整).").ResolveSource(s => s.IsOverride);
        Field<DateScalar>(FieldGroup.Class, "overrideExpiresOn").Description("Last day an override applies.")
            .ResolveSource(s => s.OverrideExpiresOn);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.Class, "rulesVersion")
            .Description("Rules version that produced it.").ResolveSource(s => s.RulesVersion);
        Field<NonNullGraphType<FourColorType>>(FieldGroup.Health, "healthCode")
            .Description("Health code (健康码) at that time.").ResolveSource(s => s.HealthCode);
        Field<NonNullGraphType<FourColorType>>(FieldGroup.ProductTiers, "mapColour")
            .Description("Map colour at that time.").ResolveSource(s => s.MapColour);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.Health, "qualityIndex")
            .Description("Quality safety index at that time.").ResolveSource(s => s.QualityIndex);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExplanationType>>>>(
                FieldGroup.ClassFactors, "explanation")
            .Description("Why this class and these colours, rule by rule.")
            .Resolve(c => ExplanationJson.ReadAll(c.Source.ClassExplanation));
    }
}
