using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Paging;

namespace ProductQuality.Graph.Assured;

/// <summary>The published list of assured consumption units (放心消费单位).</summary>
public static class AssuredQueries
{
    public static void AddTo(QueryType query)
    {
        var field = query.Field<NonNullGraphType<StrictConnectionType<EnterpriseType>>>(
                FieldGroup.Assured, "assuredUnits")
            .Description("Assured consumption units (放心消费单位) now.")
            .Argument<EnterpriseOrderType>("orderBy", "Order (default NAME_ASC).");
        EnterpriseQueries.PagingArguments(field);
        field.ResolveAsync(c => EnterpriseQueries.PageAsync(c, c.VisibleEnterprises().Where(e => e.IsAssured)));
    }
}
