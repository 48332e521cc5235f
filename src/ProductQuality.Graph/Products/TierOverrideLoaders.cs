using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Products;

/// <summary>The tier override in force (on the <c>asOf</c> day, if any) for a page of products.</summary>
public static class TierOverrideLoaders
{
    public static IDataLoaderResult<ProductTierOverride?> ActiveTierOverrideOf(
        this IResolveFieldContext context, string productCode) =>
        OverrideLoading.InForce(context, "tier-overrides-by-product", productCode,
            (db, codes, today) => db.ProductTierOverrides.AsNoTracking()
                .Where(o => codes.Contains(o.ProductCode) && o.EffectiveFrom <= today),
            o => o.ProductCode,
            Overrides.ActiveTier);
}
