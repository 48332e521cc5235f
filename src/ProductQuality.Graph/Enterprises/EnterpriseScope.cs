using GraphQL;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Enterprises;

/// <summary>
/// The only way resolvers reach enterprises: the audience's <see cref="Access.RowScope"/> is applied in the SQL
/// itself, so lists, counts, cursors and look-ups never see a row outside it.
/// </summary>
public static class EnterpriseScope
{
    public static IQueryable<Enterprise> VisibleEnterprises(this IResolveFieldContext context) =>
        context.Audience().Rows.Enterprises(context.Db().Enterprises.AsNoTracking());
}
