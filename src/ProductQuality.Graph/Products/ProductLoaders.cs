using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Products;

/// <summary>Batched product look-ups.</summary>
public static class ProductLoaders
{
    public static IDataLoaderResult<Product?> ProductByCode(this IResolveFieldContext context, string code) =>
        context.RowLoader<string, Product>("product-by-code",
            (db, codes) => db.Products.AsNoTracking().Where(p => codes.Contains(p.Code)), p => p.Code).Load(code);

    public static IDataLoaderResult<ProductCategory?> CategoryByCode(this IResolveFieldContext context, string code) =>
        context.RowLoader<string, ProductCategory>("category-by-code",
            (db, codes) => db.ProductCategories.AsNoTracking().Where(p => codes.Contains(p.Code)),
            p => p.Code).Load(code);

    public static IDataLoaderResult<IReadOnlyList<Product>> ProductsOfCategory(this IResolveFieldContext context,
        string categoryCode) =>
        context.RowsLoader<string, Product>("products-by-category",
            (db, codes) => db.Products.AsNoTracking().Where(p => codes.Contains(p.CategoryCode)).OrderBy(p => p.Code),
            p => p.CategoryCode).Load(categoryCode);

    /// <summary>
    /// Tier evaluations and overrides, newest first; under an <c>asOf</c> root, those in force by that day as known
    /// then.
    /// </summary>
    public static IDataLoaderResult<IReadOnlyList<ProductTierAssessment>> TierHistory(this IResolveFieldContext context,
        string productCode)
    {
        var on = context.AsOf();
        return context.RowsLoader<string, ProductTierAssessment>("tier-history-by-product" + on?.LoaderSuffix,
            (db, codes) => db.ProductTierAssessments.AsNoTracking().InForceOn(on, a => a.EffectiveFrom)
                .Where(a => codes.Contains(a.ProductCode))
                .OrderByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.Id),
            a => a.ProductCode).Load(productCode);
    }
}
