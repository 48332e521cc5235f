using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Products;

/// <summary>Who uses a product and how critical it is: the sensitivity part of its risk score.</summary>
public sealed class ProductSensitivityType : ContractObjectGraphType<Product>
{
    public ProductSensitivityType(SchemaContract contract)
        : base(contract)
    {
        Name = "ProductSensitivity";
        Description = "Sensitivity factors (敏感因子) of a product: its users and whether it is safety-critical.";
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.ProductTiers, "forChildren")
            .Description("Used by children (儿童用品).").ResolveSource(s => s.ForChildren);
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.ProductTiers, "forElderly")
            .Description("Used by the elderly (老年人用品).").ResolveSource(s => s.ForElderly);
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.ProductTiers, "safetyCritical")
            .Description("Safety-critical use: electrical, gas, pressure (安全关键).")
            .ResolveSource(s => s.SafetyCritical);
        Field<NonNullGraphType<BooleanGraphType>>(FieldGroup.ProductTiers, "foodContact")
            .Description("In contact with food (食品相关).").ResolveSource(s => s.FoodContact);
    }
}
