namespace ProductQuality.Graph.Statistics;

/// <summary>
/// The distributions a bureau looks at first, for the current data: product tiers, enterprise classes, health
/// codes, the enterprises' map colours, region colours by county and by town, and overdue plan entries.
/// External risk signals by source belong here once they are recorded (issue 13 part 1): add them as one more
/// distribution, keyed by source.
/// </summary>
public sealed record BureauStatistics(
    DateOnly AsOf,
    IReadOnlyList<StatisticsCount> ProductTiers,
    IReadOnlyList<StatisticsCount> EnterpriseClasses,
    IReadOnlyList<StatisticsCount> HealthCodes,
    IReadOnlyList<StatisticsCount> MapColours,
    IReadOnlyList<StatisticsCount> CountyColours,
    IReadOnlyList<StatisticsCount> TownColours,
    OverdueStatistics Plan);
