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
            .Description("Date it took effect.").ResolveSource(s => s.EffectiveFrom);
        Field<NonNullGraphType<ProductTierType>>(FieldGroup.ProductTiers, "tier").Description("The tier.")
            .ResolveSource(s => s.Tier);
        Field<NonNullGraphType<FloatGraphType>>(FieldGroup.ProductTiers, "riskScore")
            .Description("Risk score, 0–100 (风险分值), rounded down to one decimal; the tier follows the exact score.")
            .ResolveSource(s => s.RiskScore);
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.ProductTiers, "isOverride")
            .Description("Set by the regulator rather than computed (人工调整).").ResolveSource(s => s.IsOverride);
        Field<DateScalar>(FieldGroup.ProductTiers, "overrideExpiresOn").Description("Last day an override applies.")
            .ResolveSource(s => s.OverrideExpiresOn);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.ProductTiers, "reason")
            .Description("Why it was evaluated or overridden, stating only facts you may read (else "
                + $"'{TierReasons.Neutral}').")
            .Resolve(c => TierReasons.For(c.Audience(), c.Source.Reason));
        Field<ExplanationType>(FieldGroup.ProductTiers, "explanation")
            .Description("Inputs, weights and thresholds behind the tier.")
            .Resolve(c => ExplanationJson.Read(c.Source.Explanation));
    }
}
