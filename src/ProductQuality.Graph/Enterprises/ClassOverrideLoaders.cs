using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Infrastructure.Loading;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enterprises;

/// <summary>The class override in force (on the <c>asOf</c> day, if any) for a page of enterprises, in one statement rather than one per row.</summary>
public static class ClassOverrideLoaders
{
    public static IDataLoaderResult<ClassOverride?> ActiveClassOverrideOf(this IResolveFieldContext context, int enterpriseId)
    {
        var on = context.AsOf();
        var today = on?.Date ?? context.Service<BureauClock>().Today;
        return context.RowsLoader<int, ClassOverride>("class-overrides-by-enterprise" + on?.LoaderSuffix,
                (db, ids) => db.ClassOverrides.AsNoTracking().RecordedBy(on)
                    .Where(o => ids.Contains(o.EnterpriseId) && o.EffectiveFrom <= today),
                o => o.EnterpriseId)
            .Load(enterpriseId)
            .Then(rows => Overrides.ActiveClass(rows, today));
    }
}
