using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Enterprises;

/// <summary>The class override in force (on the <c>asOf</c> day, if any) for a page of enterprises.</summary>
public static class ClassOverrideLoaders
{
    public static IDataLoaderResult<ClassOverride?> ActiveClassOverrideOf(
        this IResolveFieldContext context, int enterpriseId) =>
        OverrideLoading.InForce(context, "class-overrides-by-enterprise", enterpriseId,
            (db, ids, today) => db.ClassOverrides.AsNoTracking()
                .Where(o => ids.Contains(o.EnterpriseId) && o.EffectiveFrom <= today),
            o => o.EnterpriseId,
            Overrides.ActiveClass);
}
