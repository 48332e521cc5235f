using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Infrastructure.Loading;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Regions;

/// <summary>Batched region look-ups: by code, children of a region, and each region's newest assessment.</summary>
public static class RegionLoaders
{
    public static IDataLoaderResult<Region?> RegionByCode(this IResolveFieldContext context, string code) =>
        context.RowLoader<string, Region>("region-by-code",
            (db, codes) => db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)), r => r.Code).Load(code);

    public static IDataLoaderResult<IReadOnlyList<Region>> ChildRegions(this IResolveFieldContext context, string code) =>
        context.RowsLoader<string, Region>("regions-by-parent",
            (db, codes) => db.Regions.AsNoTracking().Where(r => r.ParentCode != null && codes.Contains(r.ParentCode)).OrderBy(r => r.Code),
            r => r.ParentCode!).Load(code);

    /// <summary>Newest assessment per region (all assessments of the batch's regions: a handful of rows each).</summary>
    public static IDataLoaderResult<RegionAssessment?> LatestRegionAssessment(this IResolveFieldContext context, string code) =>
        context.RowsLoader<string, RegionAssessment>("region-assessments",
                (db, codes) => db.RegionAssessments.AsNoTracking().Where(a => codes.Contains(a.RegionCode)),
                a => a.RegionCode)
            .Load(code)
            .Then(rows => rows.OrderByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.Id).FirstOrDefault());
}
