using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.History;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Paging;

namespace ProductQuality.Graph.Enterprises;

/// <summary>Root fields: one enterprise by credit code, and the filtered, ordered enterprise list.</summary>
public static class EnterpriseQueries
{
    public static void AddTo(QueryType query)
    {
        query.Field<EnterpriseType>(FieldGroup.Identity, "enterprise")
            .Description("One enterprise by unified social credit code (统一社会信用代码); null when no enterprise has that "
                + "code (or, with asOf, when it had no assessment by that day). A malformed code is an "
                + "INVALID_CREDIT_CODE error.")
            .Argument<NonNullGraphType<StringGraphType>>(
                "creditCode", "18-character unified social credit code, e.g. 91330481704213653E.")
            .WithAsOf()
            .ResolveAsync(async c =>
            {
                var code = c.GetArgument<string>("creditCode");
                var check = CreditCode.Validate(code);
                if (!check.IsValid)
                {
                    throw new DomainException(ErrorCodes.InvalidCreditCode,
                        CreditCode.Refusal(code, check));
                }

                var asOf = c.AsOf();
                var enterprise = await c.VisibleEnterprises()
                    .FirstOrDefaultAsync(e => e.CreditCode == code, c.CancellationToken);
                var shown = enterprise is null || asOf is not { } day
                    ? enterprise
                    : await EnterpriseAsOf.RestoreAsync(c, enterprise, day);

                // Its products and inspections, when asked, come with it (see EnterpriseLookAhead).
                if (shown is not null)
                {
                    await c.LoadAskedAsync([shown.Id], EnterpriseLookAhead.OneEnterprise);
                }

                return shown;
            });

        var list = query
            .Field<NonNullGraphType<StrictConnectionType<EnterpriseType>>>(FieldGroup.Identity, "enterprises")
            .Description("Key-product enterprises, filtered and ordered, as a cursor connection (first/after).")
            .Argument<EnterpriseFilterInputType>("filter", "Conditions; all must hold.")
            .Argument<EnterpriseOrderType>("orderBy", "Order (default NAME_ASC).");
        PagingArguments(list);
        list.ResolveAsync(async c =>
        {
            var filter = c.GetArgument<EnterpriseFilter?>("filter");
            return await PageAsync(c, c.VisibleEnterprises().Apply(filter, c.Db()));
        });
    }

    /// <summary>The connection arguments shared by every enterprise list.</summary>
    public static void PagingArguments(FieldBuilder<object, object> field) => field
        .Argument<IntGraphType>(
            "first", $"Page size (default {PageSize.Default}, at most the server's cap, 500 by default).")
        .Argument<StringGraphType>("after", "Cursor of the last row already seen (pageInfo.endCursor).");

    /// <summary>A page of an enterprise list in the requested order.</summary>
    public static async Task<object?> PageAsync(IResolveFieldContext c, IQueryable<Enterprise> filtered)
    {
        var first = PageSize.First(c);
        var order = c.GetArgument("orderBy", EnterpriseOrder.NameAsc);
        var after = c.GetArgument<string?>("after");
        var scope = ListScope.Of(c);
        var page = await PageBuilder.BuildAsync(c, filtered,
            filtered.OrderAfter(order, after, scope, Data.OrdinalText.CollationFor(c.Db())), first, after is not null,
            e => EnterpriseOrdering.CursorOf(e, order, scope));

        // Products and inspections asked for below the page are loaded with it: each of those fields answers at once.
        if (page.Edges is { Count: > 0 } edges)
        {
            await c.LoadAskedAsync([.. edges.Select(e => e.Node!.Id)], EnterpriseLookAhead.PageOfEnterprises);
        }

        return page;
    }
}
