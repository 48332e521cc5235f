using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Products;

/// <summary>A manual tier override in force or as recorded.</summary>
public sealed class ProductTierOverrideType : ContractObjectGraphType<ProductTierOverride>
{
    public ProductTierOverrideType(SchemaContract contract)
        : base(contract)
    {
        Name = "ProductTierOverride";
        Description =
            "A manual risk tier decision (人工调整分级) for a product by the city regulator, with its reason and expiry.";
        Field<ProductTierType>(FieldGroup.ProductTiers, "tier")
            .Description("The tier that replaces the computed one; null when this record withdrew an override.")
            .ResolveSource(s => s.Tier);
        Field<NonNullGraphType<StringGraphType>>(FieldGroup.ProductTiers, "reason")
            .Description("Why the tier was set by hand (调整理由).").ResolveSource(s => s.Reason);
        Field<NonNullGraphType<DateScalar>>(FieldGroup.ProductTiers, "effectiveFrom")
            .Description("First day the override applies.").ResolveSource(s => s.EffectiveFrom);
        Field<NonNullGraphType<DateScalar>>(FieldGroup.ProductTiers, "expiresOn")
            .Description("Last day the override applies (inclusive).").ResolveSource(s => s.ExpiresOn);
    }
}
