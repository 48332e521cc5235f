using GraphQL.Types;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Products;

public sealed class OverrideProductTierInputType : WriteInputType<OverrideProductTierInput>
{
    public OverrideProductTierInputType()
        : base("OverrideProductTierInput", "A manual risk tier decision (人工调整分级) for a product, or the withdrawal of one; the city regulator's only.")
    {
        Field<NonNullGraphType<StringGraphType>>("productCode").Description("Catalogue product code (P001–P273).");
        Field<ProductTierType>("tier").Description("The tier to apply; null withdraws the override in force.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why (调整理由), at most 1000 characters; required, also for a withdrawal.");
        Field<DateScalar>("expiresOn").Description("Last day the override applies; after today. Required unless withdrawing.");
        Field<NonNullGraphType<IntGraphType>>("expectedRevision").Description("The product's overrideRevision as you read it; a stale one is refused with CONFLICT.");
    }
}
