using GraphQL;
using GraphQL.Types;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Infrastructure.Clock;
using ProductQuality.Graph.Rules;
using ProductQuality.Graph.Rules.Supervision;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Statistics;

/// <summary>
/// <c>statistics</c>: the report verb's numbers, served. It is in the <c>write</c> group, the one only the regulators'
/// contract reads (as with enforcement facts), because it is the bureau's own working picture; a county bureau
/// gets its county's numbers (products are the city's catalogue, the same for all).
/// </summary>
public static class StatisticsQueries
{
    public static void AddTo(QueryType query) =>
        query.Field<NonNullGraphType<StatisticsType>>(FieldGroup.Write, "statistics")
            .Description("The distributions a bureau looks at first (统计), today: product tiers, enterprise classes, "
                + "health codes, map colours, enterprises by industries made (行业), region colours by county and by "
                + "town, overdue plan entries, external risk signals by source, and county colours at each year end. "
                + "The report verb prints the same.")
            .ResolveAsync(async c => await StatisticsCollector.CollectAsync(c.Db(), c.Audience().Rows,
                c.Service<InspectionFrequencyRule>(), c.Service<RulesOptions>(), c.Service<BureauClock>().Today,
                progress: null, c.CancellationToken));
}
