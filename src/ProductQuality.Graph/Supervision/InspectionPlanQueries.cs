using System.Globalization;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Supervision;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Paging;

namespace ProductQuality.Graph.Supervision;

/// <summary>
/// <c>inspectionPlan(county, from, to, first, after)</c>: who is due in a period by the frequency rules, most urgent
/// first, as a cursor connection. The plan is computed whole (small records) and paged in memory, because its order
/// (the due day) is the rule's, not a column; only the page's enterprise rows are read.
/// </summary>
public static class InspectionPlanQueries
{
    private const string Order = "DueFirst";

    // The rules count intervals of months back from and forward to the period's days; at the ends of the calendar
    // (0001, 9999) that arithmetic overflows. No inspection is planned so far from now.
    private static readonly DateOnly EarliestDay = new(1900, 1, 1);
    private static readonly DateOnly LatestDay = new(2999, 12, 31);

    public static void AddTo(QueryType query) =>
        query.Field<NonNullGraphType<StrictConnectionType<InspectionPlanEntryType>>>(
                FieldGroup.Inspections, "inspectionPlan")
            .Description("Enterprises due for inspection by the end of a period (检查计划), overdue and most severe first: "
                + "the map colour's interval (RED quarterly, YELLOW half-yearly, BLUE yearly, GREEN every two years), "
                + "shorter for class C and for makers of HIGH products; enterprises a special campaign covers "
                + "are left out.")
            .Argument<StringGraphType>("county", "Only this county (3304xx).")
            .Argument<NonNullGraphType<DateScalar>>("from", "Start of the period (overdue days are counted to it).")
            .Argument<NonNullGraphType<DateScalar>>("to", "End of the period.")
            .Argument<IntGraphType>("first", $"Page size (default {PageSize.Default}).")
            .Argument<StringGraphType>("after", "Cursor of the last entry already seen.")
            .ResolveAsync(async c =>
            {
                var from = c.GetArgument<DateOnly>("from");
                var to = c.GetArgument<DateOnly>("to");
                if (to < from)
                {
                    throw new DomainException(ErrorCodes.InvalidArgument, "'to' must not be before 'from'.");
                }

                if (from < EarliestDay || to > LatestDay)
                {
                    throw new DomainException(ErrorCodes.InvalidArgument,
                        $"A plan's period lies between {EarliestDay:yyyy-MM-dd} and {LatestDay:yyyy-MM-dd}: "
                        + $"from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} does not.");
                }

                var first = PageSize.First(c);
                var cursor = c.GetArgument<string?>("after");
                var scope = ListScope.Of(c);
                ((DateOnly Due, int Colour) Key, int Id)? after =
                    cursor is null ? null : Cursor.Decode(scope, cursor, Order, Key);
                var enterprises = c.VisibleEnterprises();
                if (Regions.CountyArgument.Checked(c.GetArgument<string?>("county"), "county") is { } county)
                {
                    enterprises = enterprises.Where(e => e.CountyCode == county);
                }

                var plan = await InspectionPlanning.PlanAsync(c.Db(), enterprises, c.Service<InspectionFrequencyRule>(),
                    c.Service<RulesOptions>(), from, to, c.CancellationToken);
                var rest = after is var (k, id) ? plan.Where(p => Compare(p, k, id) > 0).ToList() : plan;
                var page = rest.Take(first).ToList();
                var ids = page.Select(p => p.Id).ToList();
                var rows = await enterprises.Where(e => ids.Contains(e.Id))
                    .ToDictionaryAsync(e => e.Id, c.CancellationToken);
                var edges = page.Select(p => new Edge<InspectionPlanEntry>
                {
                    Cursor = Cursor.Encode(scope, Order, KeyOf(p), p.Id),
                    Node = new InspectionPlanEntry(rows[p.Id], p.Schedule),
                }).ToList();
                return new Connection<InspectionPlanEntry>
                {
                    TotalCount = plan.Count,
                    Edges = edges,
                    PageInfo = new PageInfo
                    {
                        HasNextPage = rest.Count > first,
                        HasPreviousPage = after is not null,
                        StartCursor = edges.FirstOrDefault()?.Cursor,
                        EndCursor = edges.LastOrDefault()?.Cursor,
                    },
                };
            });

    // The key is the due day and the colour's severity, "2026-12-01.0": the order's first two sort keys.
    private static string KeyOf(PlannedInspection p) =>
        p.Schedule.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "."
        + ((int)p.Schedule.Colour).ToString(CultureInfo.InvariantCulture);

    private static (DateOnly Due, int Colour)? Key(string key) =>
        key.Split('.') is [var day, var colour]
        && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
        && int.TryParse(colour, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c is >= 0 and <= 3
            ? (due, c)
            : null;

    private static int Compare(PlannedInspection p, (DateOnly Due, int Colour) key, int id)
    {
        var byDue = p.Schedule.DueOn.CompareTo(key.Due);
        var byColour = ((int)p.Schedule.Colour).CompareTo(key.Colour);
        return byDue != 0 ? byDue : byColour != 0 ? byColour : p.Id.CompareTo(id);
    }
}
