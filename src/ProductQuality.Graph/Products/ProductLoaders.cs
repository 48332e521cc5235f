using System.Globalization;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Infrastructure.Loading;
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

    /// <summary>How many gradings <c>tierHistory</c> gives when no limit is asked.</summary>
    public const int DefaultTierHistoryLimit = 20;

    /// <summary>The most gradings one <c>tierHistory</c> gives; a larger limit is refused.</summary>
    public const int MaxTierHistoryLimit = 500;

    /// <summary>
    /// The <paramref name="limit"/> newest tier evaluations and overrides, newest first; under an <c>asOf</c> root,
    /// those in force by that day as known then. Cut per product in SQL: a product is re-graded on most days a fact
    /// comes or goes (167 gradings each on the default data set, 1,365 for the busiest), and the whole history of
    /// the catalogue with its explanations was a 119 MB answer of 5–12 s that the cost estimate priced at ten rows
    /// a product (the cost probe). A reader who does not read every fact a tier counts reads the gradings that
    /// change something it sees (<see cref="TierHistoryView"/>).
    /// </summary>
    public static IDataLoaderResult<IReadOnlyList<ProductTierAssessment>> TierHistory(this IResolveFieldContext context,
        string productCode, int limit)
    {
        var on = context.AsOf();
        var audience = context.Audience();
        if (!TierReasons.ReadsEveryFact(audience))
        {
            // One read of the visible history a request, every limit cut from it.
            return context.RowsLoader<string, ProductTierAssessment>("visible-tier-history" + on?.LoaderSuffix,
                    (db, codes, ct) => VisibleGradings.OfAsync(db, on, codes, audience, ct), a => a.ProductCode)
                .Load(productCode).Then<IReadOnlyList<ProductTierAssessment>, IReadOnlyList<ProductTierAssessment>>(
                    rows => rows.Count > limit ? rows.Take(limit).ToList() : rows);
        }

        var name = "tier-history-by-product" + on?.LoaderSuffix + "#" + limit.ToString(CultureInfo.InvariantCulture);
        return context.RowsLoader<string, ProductTierAssessment>(name,
            (db, codes) => NewestGradings.Of(db, on, codes, limit),
            a => a.ProductCode).Load(productCode);
    }

    /// <summary>The <c>limit</c> asked of a <c>tierHistory</c> field, checked (<see cref="LimitArgument"/>).</summary>
    public static int CheckedTierHistoryLimit(int limit) => LimitArgument.Checked(limit, MaxTierHistoryLimit);

    /// <summary>
    /// Under an <c>asOf</c> root, the grading in force on that day as known then (the newest row of
    /// <see cref="TierHistory"/>), cut per product in SQL and read without its reason and explanation; null when the
    /// product had not been graded by then. The tier fields need no more: reading the whole history for them made a
    /// status asOf read some 500 gradings with their explanations (2.6 KB each), 5.8 MB allocated a request.
    /// </summary>
    public static IDataLoaderResult<ProductTierAssessment?> GradingOnDay(this IResolveFieldContext context,
        string productCode, KnownOn on) =>
        context.RowLoader<string, ProductTierAssessment>("tier-on-day" + on.LoaderSuffix,
            (db, codes) => NewestGradings.Of(db, on, codes, 1)
                .Select(a => new ProductTierAssessment
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
                }),
            a => a.ProductCode).Load(productCode);
}
