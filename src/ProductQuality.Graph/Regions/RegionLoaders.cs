using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Infrastructure.Loading;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Regions;

/// <summary>
/// Batched region look-ups, within the audience's jurisdiction: a county bureau sees the city as the root of the tree,
/// its own county and towns, and nothing of other counties — not even the city's aggregate, which counts them.
/// </summary>
public static class RegionLoaders
{
    public static IDataLoaderResult<Region?> RegionByCode(this IResolveFieldContext context, string code)
    {
        var scope = context.Audience().Rows;
        return context.RowLoader<string, Region>("region-by-code",
            (db, codes) => scope.RegionTree(db.Regions.AsNoTracking()).Where(r => codes.Contains(r.Code)), r => r.Code)
            .Load(code);
    }

    public static IDataLoaderResult<IReadOnlyList<Region>> ChildRegions(this IResolveFieldContext context, string code)
    {
        var scope = context.Audience().Rows;
        return context.RowsLoader<string, Region>("regions-by-parent",
            (db, codes) => scope.RegionTree(db.Regions.AsNoTracking())
                .Where(r => r.ParentCode != null && codes.Contains(r.ParentCode)).OrderBy(r => r.Code),
            r => r.ParentCode!).Load(code);
    }

    /// <summary>
    /// Newest assessment per region (all assessments of the batch's regions: a handful of rows each); under an
    /// <c>asOf</c> root, the newest in force by that day as known then.
    /// </summary>
    public static IDataLoaderResult<RegionAssessment?> LatestRegionAssessment(this IResolveFieldContext context,
        string code)
    {
        var scope = context.Audience().Rows;
        var on = context.AsOf();
        return context.RowsLoader<string, RegionAssessment>("region-assessments" + on?.LoaderSuffix,
                (db, codes) => scope.RegionAssessments(db, db.RegionAssessments.AsNoTracking()
                    .InForceOn(on, a => a.EffectiveFrom).Where(a => codes.Contains(a.RegionCode))),
                a => a.RegionCode)
            .Load(code)
            .Then(rows => rows.OrderByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.Id).FirstOrDefault());
    }
}
