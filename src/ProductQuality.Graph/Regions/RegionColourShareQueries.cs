using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Assessment;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Regions;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Regions;

/// <summary>
/// <c>regionColourShares(level, county, asOf)</c>: where the colour thresholds sit among the regions' shares.
/// </summary>
public static class RegionColourShareQueries
{
    public static void AddTo(QueryType query) =>
        query.Field<NonNullGraphType<RegionColourSharesType>>(FieldGroup.Regions, "regionColourShares")
            .Description("The distribution of region shares (区域分色占比) over a level: each region's red, "
                + "red + yellow and class-C shares and colour next to the thresholds set for it, the count of each "
                + "colour and of regions not assessed (未评定), and the spread of the shares.")
            .Argument<NonNullGraphType<MapLevelType>>("level", "COUNTY or TOWN.")
            .Argument<StringGraphType>("county", "With TOWN: only the towns of this county (3304xx).")
            .WithAsOf()
            .ResolveAsync(async c =>
            {
                var on = c.AsOf();
                var level = c.GetArgument<MapLevel>("level");
                var county = CountyArgument.Checked(c.GetArgument<string?>("county"), "county");
                var db = c.Db();
                var scope = c.Audience().Rows;
                var regions = scope.CountyRegions(db.Regions.AsNoTracking());
                regions = level == MapLevel.County
                    ? regions.Where(r => r.Level == RegionLevel.County)
                    : regions.Where(r => r.Level == RegionLevel.Town || r.Level == RegionLevel.Subdistrict);
                if (county is not null)
                {
                    regions = regions.Where(r => r.CountyCode == county);
                }

                var list = await regions.OrderBy(r => r.Code).ToListAsync(c.CancellationToken);
                var codes = list.Select(r => r.Code).ToList();
                var latest = (await scope.RegionAssessments(db, db.RegionAssessments.AsNoTracking()
                        .InForceOn(on, a => a.EffectiveFrom).Where(a => codes.Contains(a.RegionCode)))
                        .ToListAsync(c.CancellationToken))
                    .GroupBy(a => a.RegionCode)
                    .ToDictionary(g => g.Key,
                        g => g.OrderByDescending(a => a.EffectiveFrom).ThenByDescending(a => a.Id).First());
                var rule = new RegionColourRule(c.Service<RulesOptions>());
                var colourLevel = level == MapLevel.County ? ColourLevel.County : ColourLevel.Town;
                var shares = list.Select(r => new RegionShare(r, latest.GetValueOrDefault(r.Code),
                    rule.ThresholdsFor(RegionAssessmentBuilder.LevelOf(r), r.CountyCode))).ToList();
                return new RegionColourShares(level, rule.ThresholdsFor(colourLevel, null), shares);
            });
}
