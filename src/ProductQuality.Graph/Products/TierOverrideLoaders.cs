using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Infrastructure.Loading;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Products;

/// <summary>The tier override in force for a page of products, in one statement rather than one per row.</summary>
public static class TierOverrideLoaders
{
    public static IDataLoaderResult<ProductTierOverride?> ActiveTierOverrideOf(this IResolveFieldContext context, string productCode)
    {
        var today = context.Service<BureauClock>().Today;
        return context.RowsLoader<string, ProductTierOverride>("tier-overrides-by-product",
                (db, codes) => db.ProductTierOverrides.AsNoTracking().Where(o => codes.Contains(o.ProductCode) && o.EffectiveFrom <= today), o => o.ProductCode)
            .Load(productCode)
            .Then(rows => Overrides.ActiveTier(rows, today));
    }
}
