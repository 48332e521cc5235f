using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Paging;

namespace ProductQuality.Graph.Blacklist;

/// <summary>The published blacklist (公开曝光): enterprises listed now.</summary>
public static class BlacklistQueries
{
    public static void AddTo(QueryType query)
    {
        var field = query
            .Field<NonNullGraphType<StrictConnectionType<EnterpriseType>>>(FieldGroup.BlacklistStatus, "blacklist")
            .Description("The published blacklist (黑名单): enterprises listed now. "
                + "Listing history and reasons are on each enterprise.")
            .Argument<EnterpriseOrderType>("orderBy", "Order (default NAME_ASC).");
        EnterpriseQueries.PagingArguments(field);
        field.ResolveAsync(c => EnterpriseQueries.PageAsync(c, c.VisibleEnterprises().Where(e => e.IsBlacklisted)));
    }
}
