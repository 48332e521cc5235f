using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Enterprises;

/// <summary>Filter input; a condition on a field group the department cannot see is absent from its schema.</summary>
public sealed class EnterpriseFilterInputType : ContractInputObjectGraphType<EnterpriseFilter>
{
    public EnterpriseFilterInputType(SchemaContract contract)
        : base(contract)
    {
        Name = "EnterpriseFilter";
        Description = "Conditions on the enterprise list; all given conditions must hold.";
        Field<StringGraphType>(FieldGroup.Identity, "countyCode")
            .Description("County code (3304xx), e.g. 330481 for 海宁市.");
        Field<StringGraphType>(FieldGroup.Identity, "townCode").Description("Town or sub-district code (9 digits).");
        Field<StringGraphType>(FieldGroup.Identity, "productCode").Description("Makes this product, e.g. P004.");
        Field<StringGraphType>(FieldGroup.Identity, "categoryCode")
            .Description("Makes a product of this category, e.g. C06.");
        Field<StringGraphType>(FieldGroup.Identity, "nameContains")
            .Description("Name contains this text (at least 2 characters).");
        Field<EnterpriseClassType>(FieldGroup.Class, "class").Description("Has this class (企业分类).");
        Field<FourColorType>(FieldGroup.Health, "healthCode").Description("Has this health-code colour (健康码).");
        Field<FourColorType>(FieldGroup.ProductTiers, "mapColour").Description("Has this map colour (四色图).");
        Field<ProductTierType>(FieldGroup.ProductTiers, "productTier")
            .Description("Makes at least one product of this risk tier (产品分级).");
        Field<BooleanGraphType>(FieldGroup.BlacklistStatus, "blacklisted")
            .Description("Is (true) or is not (false) on the blacklist.");
        Field<BooleanGraphType>(FieldGroup.Assured, "assured")
            .Description("Is (true) or is not (false) an assured consumption unit.");
    }
}
