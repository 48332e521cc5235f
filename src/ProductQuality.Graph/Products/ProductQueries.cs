using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Rules.Common;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Enums;

namespace ProductQuality.Graph.Products;

/// <summary>Root fields of the product catalogue.</summary>
public static class ProductQueries
{
    public static void AddTo(QueryType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductCategoryType>>>>(FieldGroup.Identity,
            "productCategories")
            .Description("The 13 major categories (大类) of the key industrial product catalogue.")
            .ResolveAsync(async c => await c.Db().ProductCategories.AsNoTracking().OrderBy(x => x.Code)
                .ToListAsync(c.CancellationToken));

        var products =
            query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>>(FieldGroup.Identity, "products")
                .Description("Catalogue products (273), optionally of one category.")
                .Argument<StringGraphType>("categoryCode", "Only products of this category, e.g. C06.");
        if (query.Contract.Sees(FieldGroup.ProductTiers))
        {
            // Choosing products by tier tells their tiers: the access log records the group (ArgumentGroups).
            products.Argument<ProductTierType>("tier", "Only products of this risk tier.",
                a => a.Metadata[Schema.FieldMetadataKeys.Group] = FieldGroup.ProductTiers);
        }

        products.ResolveAsync(async c =>
        {
            var q = c.Db().Products.AsNoTracking();
            if (ReferenceData.CatalogueArgument.Category(c.GetArgument<string?>("categoryCode"), "categoryCode")
                is { } category)
            {
                q = q.Where(p => p.CategoryCode == category);
            }

            if (c.GetArgument<ProductTier?>("tier") is { } tier)
            {
                q = q.Where(p => p.Tier == tier);
            }

            return await q.OrderBy(p => p.Code).ToListAsync(c.CancellationToken);
        });

        query.Field<ProductType>(FieldGroup.Identity, "product")
            .Description("One product by code; null when there is none (or, with asOf, when it had not been "
                + "graded by that day).")
            .Argument<NonNullGraphType<StringGraphType>>("code", "Product code, e.g. P004.")
            .WithAsOf()
            .ResolveAsync(async c =>
            {
                var code = c.GetArgument<string>("code");
                var asOf = c.AsOf();
                var product = await c.ProductByCode(code).GetResultAsync(c.CancellationToken);
                if (product is null || asOf is null)
                {
                    return product;
                }

                // The same batch loader serves the product's tier fields below, so this costs no extra query.
                var graded = await c.GradingOnDay(code, asOf.Value).GetResultAsync(c.CancellationToken);
                return graded is null ? null : product;
            });
    }
}
