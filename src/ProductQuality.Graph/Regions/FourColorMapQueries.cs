using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Regions;

/// <summary>The four-colour map (四色图): regions of a level with their colours, counts and deciding shares.</summary>
public static class FourColorMapQueries
{
    public static void AddTo(QueryType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionType>>>>(FieldGroup.Regions, "fourColorMap")
            .Description("The four-colour map (四色区域图): every region of the level, each with `assessment` (colour, "
                + "index, counts per colour and the shares that decided it).")
            .Argument<NonNullGraphType<MapLevelType>>("level", "COUNTY or TOWN.")
            .Argument<StringGraphType>("county", "With TOWN: only the towns of this county (3304xx).")
            .WithAsOf()
            .ResolveAsync(async c =>
            {
                _ = c.AsOf(); // refuses a future day before anything is read

                var level = c.GetArgument<MapLevel>("level");
                var county = CountyArgument.Checked(c.GetArgument<string?>("county"), "county");
                var regions = c.Audience().Rows.CountyRegions(c.Db().Regions.AsNoTracking());
                regions = level == MapLevel.County
                    ? regions.Where(r => r.Level == RegionLevel.County)
                    : regions.Where(r => r.Level == RegionLevel.Town || r.Level == RegionLevel.Subdistrict);
                if (county is not null)
                {
                    regions = regions.Where(r => r.CountyCode == county);
                }

                return await regions.OrderBy(r => r.Code).ToListAsync(c.CancellationToken);
            });
}
