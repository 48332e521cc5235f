using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules.Supervision;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Schema.Paging;

namespace ProductQuality.Graph.Supervision;

/// <summary><c>inspectionPlan(county, from, to)</c>: who is due in a period by the frequency rules, most urgent first.</summary>
public static class InspectionPlanQueries
{
    public static void AddTo(QueryType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<InspectionPlanEntryType>>>>(FieldGroup.Inspections, "inspectionPlan")
            .Description("Enterprises due for inspection by the end of a period (RED quarterly, YELLOW half-yearly, BLUE yearly, GREEN every two years), overdue and most severe first.")
            .Argument<StringGraphType>("county", "Only this county (3304xx).")
            .Argument<NonNullGraphType<DateScalar>>("from", "Start of the period (overdue days are counted to it).")
            .Argument<NonNullGraphType<DateScalar>>("to", "End of the period.")
            .Argument<IntGraphType>("first", $"How many (default {PageSize.Default}).")
            .ResolveAsync(async c =>
            {
                var from = c.GetArgument<DateOnly>("from");
                var to = c.GetArgument<DateOnly>("to");
                if (to < from)
                {
                    throw new DomainException(ErrorCodes.InvalidArgument, "'to' must not be before 'from'.");
                }

                var first = PageSize.First(c);
                var enterprises = c.VisibleEnterprises();
                if (c.GetArgument<string?>("county") is { } county)
                {
                    enterprises = enterprises.Where(e => e.CountyCode == county);
                }

                var rule = c.Service<InspectionFrequencyRule>();
                var due = await InspectionPlanCandidates.DueByAsync(c.Db(), enterprises, rule, to, c.CancellationToken);
                var plan = due
                    .Select(d => (d.Id, Schedule: rule.Evaluate(d.MapColour, d.Last, from)))
                    .Where(p => p.Schedule.DueOn <= to)
                    .OrderBy(p => p.Schedule.DueOn).ThenBy(p => (int)p.Schedule.Colour).ThenBy(p => p.Id)
                    .Take(first)
                    .ToList();
                var ids = plan.Select(p => p.Id).ToList();
                var rows = await enterprises.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, c.CancellationToken);
                return plan.Select(p => new InspectionPlanEntry(rows[p.Id], p.Schedule)).ToList();
            });
}
