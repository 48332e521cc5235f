using GraphQL;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Warnings;

/// <summary>
/// The only way resolvers reach bulletins: a county bureau sees the city-wide ones (no region) and those about its own
/// county or its towns. A bulletin about another county's town would name that town in its title and summary even
/// though the region itself reads as null, so the row is left out in the SQL: lists, counts and cursors never see it.
/// </summary>
public static class WarningRows
{
    public static IQueryable<RiskWarning> VisibleWarnings(this IResolveFieldContext context)
    {
        var db = context.Db();
        return context.Audience().Rows.Warnings(db, db.RiskWarnings.AsNoTracking());
    }
}
