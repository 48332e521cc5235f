using System.Globalization;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Paging;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// The regulator's reading of the access log (field group audit): <c>accessLog</c>, the entries newest first as a
/// cursor connection, and <c>accessSummary</c>, their counts. A county bureau reads only the entries that returned
/// data of its county's enterprises.
/// </summary>
public static class AccessLogQueries
{
    internal const string Order = "NewestFirst";

    public static void AddTo(QueryType query)
    {
        query.Field<NonNullGraphType<StrictConnectionType<AccessLogEntryType>>>(FieldGroup.Audit, "accessLog")
            .Description("The access log (访问日志), newest first: every GraphQL request, who asked, why, which "
                + "enterprises' data it returned, how it ended. A county bureau sees the entries that returned data of "
                + "its county's enterprises.")
            .Argument<AccessLogFilterInputType>("filter", "Conditions; all must hold.")
            .Argument<IntGraphType>("first", $"Page size (default {PageSize.Default}).")
            .Argument<StringGraphType>("after", "Cursor of the last entry already seen (pageInfo.endCursor).")
            .ResolveAsync(async c =>
            {
                var filtered = await AccessLogScope.FilteredAsync(c, c.GetArgument<AccessLogFilter?>("filter"));
                var first = PageSize.First(c);
                var after = c.GetArgument<string?>("after");
                var scope = ListScope.Of(c);
                var ordered = (after is null ? filtered : filtered.Where(AfterCursor(scope, after)))
                    .OrderByDescending(e => e.Seq);
                return await PageBuilder.BuildAsync(c, filtered, ordered, first, after is not null,
                    e => Cursor.Encode(scope, Order, e.Seq.ToString(CultureInfo.InvariantCulture), 0));
            });

        query.Field<NonNullGraphType<AccessSummaryType>>(FieldGroup.Audit, "accessSummary")
            .Description("Counts of the logged requests (访问统计) by department, purpose, day and outcome, under "
                + "the same filter and scope as accessLog.")
            .Argument<AccessLogFilterInputType>("filter", "Conditions; all must hold.")
            .ResolveAsync(async c => await SummaryAsync(c, AccessLogScope.AsAnswered(c.Db(),
                await AccessLogScope.FilteredAsync(c, c.GetArgument<AccessLogFilter?>("filter")))));
    }

    internal static System.Linq.Expressions.Expression<Func<AccessLogEntry, bool>> AfterCursor(ListScope scope,
        string after)
    {
        var seq = Cursor.Decode(scope, after, Order, key =>
            long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : (long?)null)
            .Key;
        return e => e.Seq < seq;
    }

    // Only the groupings asked for, each a statement reading every entry in range, and the total as their sum or,
    // asked alone, one count: all four ran whatever was asked (3.6-4.5 s for the total alone on a log of 2,000,000
    // entries, against 0.4-0.5 s for its count). The cost estimate prices each as a count of the log (ListSize).
    private static async Task<AccessSummary> SummaryAsync(IResolveFieldContext c, IQueryable<AccessLogEntry> entries)
    {
        var token = c.CancellationToken;
        List<AccessCount> byDepartment = [], byPurpose = [], byOutcome = [], byDay = [];
        List<AccessCount>? grouped = null; // the first grouping read: the total is its sum
        if (c.Asks("byDepartment"))
        {
            byDepartment = await entries.GroupBy(e => e.Department)
                .Select(g => new AccessCount(g.Key, g.Count())).ToListAsync(token);
            grouped ??= byDepartment;
        }

        if (c.Asks("byPurpose"))
        {
            byPurpose = await entries.GroupBy(e => e.Purpose)
                .Select(g => new AccessCount(g.Key, g.Count())).ToListAsync(token);
            grouped ??= byPurpose;
        }

        if (c.Asks("byOutcome"))
        {
            byOutcome = (await entries.GroupBy(e => e.Outcome)
                    .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(token))
                .Select(g => new AccessCount(AccessOutcomes.GraphQLName(g.Key), g.Count)).ToList();
            grouped ??= byOutcome;
        }

        if (c.Asks("byDay"))
        {
            byDay = (await entries.GroupBy(e => e.AtUtc.AddHours(BureauClock.ChinaStandardTime.TotalHours).Date)
                    .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(token))
                .OrderBy(g => g.Key)
                .Select(g => new AccessCount(g.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), g.Count))
                .ToList();
            grouped ??= byDay;
        }

        var total = grouped is not null ? grouped.Sum(g => g.Count)
            : c.Asks("total") ? await entries.CountAsync(token) : 0;
        return new AccessSummary(total, MostFirst(byDepartment), MostFirst(byPurpose), byDay, MostFirst(byOutcome));
    }

    private static List<AccessCount> MostFirst(List<AccessCount> counts) =>
        [.. counts.OrderByDescending(k => k.Count).ThenBy(k => k.Key, StringComparer.Ordinal)];
}
