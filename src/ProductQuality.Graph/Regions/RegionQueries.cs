using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Regions;

/// <summary>Root fields of the region tree.</summary>
public static class RegionQueries
{
    public const string CityCode = "330400";

    public static void AddTo(QueryType query)
    {
        query.Field<NonNullGraphType<RegionType>>(FieldGroup.Regions, "city")
            .Description("Jiaxing city (嘉兴市), the root of the region tree: follow children to counties and towns.")
            .WithAsOf()
            .ResolveAsync(async c =>
            {
                _ = c.AsOf(); // refuses a future day before anything is read
                // Only a database that holds no data set has no city: it answered INTERNAL_ERROR (the newcomer
                // probe, with Database:SeedWhenEmpty=false).
                return await c.Db().Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == CityCode,
                        c.CancellationToken)
                    ?? throw new DomainException(ErrorCodes.NoDataSet, "This server's database holds no data set yet, "
                        + "so there is no region tree to answer with: ask the bureau's operator to seed it (the seed "
                        + "verb, or a start with Database:SeedWhenEmpty=true).");
            });

        query.Field<RegionType>(FieldGroup.Regions, "region")
            .Description("One region by code (county 3304xx or 9-digit town code); null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "Division code, e.g. 330481 or 330481101.")
            .WithAsOf()
            .Resolve(c =>
            {
                _ = c.AsOf(); // refuses a future day before anything is read
                return c.RegionByCode(c.GetArgument<string>("code"));
            });
    }
}
