using GraphQL;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enterprises;

/// <summary>
/// The only way resolvers reach enterprises: the audience's row scope (its county) is applied in the SQL itself,
/// so lists, counts, cursors and look-ups never see a row outside it.
/// </summary>
public static class EnterpriseScope
{
    public static IQueryable<Enterprise> VisibleEnterprises(this IResolveFieldContext context)
    {
        var audience = context.Audience();
        var query = context.Db().Enterprises.AsNoTracking();
        if (audience.Department is null)
        {
            // The public knows enterprises only through the published lists, never as a directory.
            return query.Where(e => e.IsBlacklisted || e.IsAssured);
        }

        var county = audience.CountyScope;
        return county is null ? query : query.Where(e => e.CountyCode == county);
    }
}
