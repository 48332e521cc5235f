using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Infrastructure.Loading;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Products;

/// <summary>The tier override in force (on the <c>asOf</c> day, if any) for a page of products, in one statement rather than one per row.</summary>
public static class TierOverrideLoaders
{
    public static IDataLoaderResult<ProductTierOverride?> ActiveTierOverrideOf(this IResolveFieldContext context, string productCode)
    {
        var on = context.AsOf();
        var today = on?.Date ?? context.Service<BureauClock>().Today;
        return context.RowsLoader<string, ProductTierOverride>("tier-overrides-by-product" + on?.LoaderSuffix,
                (db, codes) => db.ProductTierOverrides.AsNoTracking().RecordedBy(on)
                    .Where(o => codes.Contains(o.ProductCode) && o.EffectiveFrom <= today),
                o => o.ProductCode)
            .Load(productCode)
            .Then(rows => Overrides.ActiveTier(rows, today));
    }
}
