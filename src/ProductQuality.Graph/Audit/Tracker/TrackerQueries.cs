using System.Globalization;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Paging;

namespace ProductQuality.Graph.Audit.Tracker;

/// <summary>
/// The data tracker (数据追踪): <c>whoAccessed</c>, the requests whose answers returned one enterprise's data, newest
/// first, read from the access log. The regulator asks about any enterprise, a county bureau about its county's (one
/// of another county answers as unknown: nothing), an enterprise token only about itself (<c>enterprise-self</c>,
/// whose schema also has <c>myEnterprise</c>, its own status, and nothing else).
/// </summary>
public static class TrackerQueries
{
    public const string NotYourEnterprise = "NOT_YOUR_ENTERPRISE";

    private const string Description = "The data tracker (数据追踪): who received this enterprise's data — each "
        + "request whose answer returned it, newest first: when, which department, for what declared purpose, which "
        + "field groups. Only requests that actually returned the enterprise's data count, not those that asked and "
        + "got nothing. It covers the access log the server keeps: entries older than its retention period, archived "
        + "to files, are not in it (ask the regulator for those).";

    /// <summary>The regulator's field (field group Audit, like accessLog).</summary>
    public static void AddTo(QueryType query) =>
        Tracker<NonNullGraphType<StringGraphType>>(query,
            Description + " A county bureau sees only its county's enterprises.",
            "The enterprise's unified social credit code (统一社会信用代码).");

    /// <summary>The whole schema of an enterprise token: its own tracker and its own status.</summary>
    public static void AddSelfTo(QueryType query)
    {
        Tracker<StringGraphType>(query, Description + " With an enterprise token: your own enterprise only.",
            "Your own credit code, or leave it out; another enterprise's is refused (NOT_YOUR_ENTERPRISE).");
        query.Field<NonNullGraphType<EnterpriseStatusType>>(FieldGroup.Identity, "myEnterprise")
            .Description("Your enterprise's own status (本企业状态): class, health code, quality index, blacklisted, "
                + "assured.")
            .ResolveAsync(async c =>
            {
                var code = c.Audience().Rows.Enterprise!;
                var enterprise = await c.VisibleEnterprises().FirstOrDefaultAsync(
                    e => e.CreditCode == code, c.CancellationToken);
                return new EnterpriseStatus(new CreditCodeItem(0, code, true, null, null), enterprise);
            });
    }

    private static void Tracker<TCodeType>(QueryType query, string description, string codeDescription)
        where TCodeType : IGraphType =>
        query.Field<NonNullGraphType<StrictConnectionType<DataAccessType>>>(FieldGroup.Audit, "whoAccessed")
            .Description(description)
            .Argument<TCodeType>("creditCode", codeDescription)
            .Argument<DateScalar>("from", "From this day (China Standard Time), inclusive.")
            .Argument<DateScalar>("to", "To this day (China Standard Time), inclusive.")
            .Argument<IntGraphType>("first", $"Page size (default {PageSize.Default}).")
            .Argument<StringGraphType>("after", "Cursor of the last access already seen (pageInfo.endCursor).")
            .ResolveAsync(async c =>
            {
                var filter = new AccessLogFilter
                {
                    CreditCode = CodeOf(c),
                    From = c.GetArgument<DateOnly?>("from"),
                    To = c.GetArgument<DateOnly?>("to"),
                };
                var filtered = AccessLogScope.AsAnswered(c.Db(), await AccessLogScope.FilteredAsync(c, filter));
                var first = PageSize.First(c);
                var after = c.GetArgument<string?>("after");
                var scope = ListScope.Of(c);
                var ordered = (after is null ? filtered : filtered.Where(AccessLogQueries.AfterCursor(scope, after)))
                    .OrderByDescending(e => e.Seq);
                return await PageBuilder.BuildAsync(c, filtered, ordered, first, after is not null,
                    e => Cursor.Encode(scope, AccessLogQueries.Order, e.Seq.ToString(CultureInfo.InvariantCulture), 0));
            });

    /// <summary>The code asked about: checked, and for an enterprise token its own (or refused).</summary>
    private static string CodeOf(IResolveFieldContext c)
    {
        var code = c.GetArgument<string?>("creditCode");
        var own = c.Audience().Rows.Enterprise;
        code ??= own;
        var check = CreditCode.Validate(code);
        if (!check.IsValid)
        {
            throw new DomainException(ErrorCodes.InvalidCreditCode,
                CreditCode.Refusal(code, check));
        }

        if (own is not null && code != own)
        {
            throw new DomainException(NotYourEnterprise,
                "An enterprise token reads only its own enterprise's tracker: leave creditCode out or send your own.");
        }

        return code!;
    }
}
