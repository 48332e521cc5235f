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

    /// <summary>
    /// Under an <c>asOf</c> root, the grading in force on that day as known then (the newest row of
    /// <see cref="TierHistory"/>), cut per product in SQL and read without its reason and explanation; null when the
    /// product had not been graded by then. The tier fields need no more: reading the whole history for them made a
    /// status asOf read some 500 gradings with their explanations (2.6 KB each), 5.8 MB allocated a request.
    /// </summary>
    public static IDataLoaderResult<ProductTierAssessment?> GradingOnDay(this IResolveFieldContext context,
        string productCode, KnownOn on) =>
        context.RowLoader<string, ProductTierAssessment>("tier-on-day" + on.LoaderSuffix,
            (db, codes) =>
            {
                var known = db.ProductTierAssessments.AsNoTracking().InForceOn(on, a => a.EffectiveFrom);
                return from p in db.Products.Where(p => codes.Contains(p.Code))
                    from a in db.ProductTierAssessments.IgnoreQueryFilters()
                    where known.Where(k => k.ProductCode == p.Code).OrderByDescending(k => k.EffectiveFrom)
                        .ThenByDescending(k => k.Id).Take(1).Select(k => k.Id).Contains(a.Id)
                    select new ProductTierAssessment
                    {
                        Id = a.Id,
                        ProductCode = a.ProductCode,
                        EffectiveFrom = a.EffectiveFrom,
                        Tier = a.Tier,
                        RiskScore = a.RiskScore,
                        IsOverride = a.IsOverride,
                        OverrideExpiresOn = a.OverrideExpiresOn,
                        Reason = "",
                        Explanation = "",
                        RulesVersion = a.RulesVersion,
                        RecordedAtUtc = a.RecordedAtUtc,
                    };
            },
            a => a.ProductCode).Load(productCode);
}
