using GraphQL.Types;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Products;

/// <summary>One dated product grading, computed or overridden.</summary>
public sealed class ProductTierAssessmentType : ContractObjectGraphType<ProductTierAssessment>
{
    public ProductTierAssessmentType(SchemaContract contract)
        : base(contract)
    {
        Name = "ProductTierAssessment";
        Description = "A dated product grading (产品分级评定), computed by the rules or overridden by the regulator.";
        Field<NonNullGraphType<DateScalar>>(FieldGroup.ProductTiers, "effectiveFrom")
            .Description("Date it took effect.").Resolve(c => c.Source.EffectiveFrom);
        Field<NonNullGraphType<ProductTierType>>(FieldGroup.ProductTiers, "tier").Description("The tier.")
            .Resolve(c => c.Source.Tier);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.ProductTiers, "riskScore").Description("Risk score 0–100.")
            .Resolve(c => c.Source.RiskScore);
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.ProductTiers, "isOverride")
            .Description("Set by the regulator rather than computed (人工调整).").Resolve(c => c.Source.IsOverride);
        Field<DateScalar>(FieldGroup.ProductTiers, "overrideExpiresOn").Description("Last day an override applies.")
            .Resolve(c => c.Source.OverrideExpiresOn);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.ProductTiers, "reason")
            .Description("Why it was evaluated or overridden.").Resolve(c => c.Source.Reason);
        Field<ExplanationType>(FieldGroup.ProductTiers, "explanation")
            .Description("Inputs, weights and thresholds behind the tier.")
            .Resolve(c => ExplanationJson.Read(c.Source.Explanation));
    }
}
