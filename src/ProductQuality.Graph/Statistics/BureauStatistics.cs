namespace ProductQuality.Graph.Statistics;

/// <summary>
/// The distributions a bureau looks at first, for the current data: product tiers, enterprise classes, health
/// codes, the enterprises' map colours, region colours by county and by town (and the counties' at each past year end),
/// overdue plan entries, the external risk signals the tiers count today (those of the look-back window) by source,
/// and how many enterprises make products of one industry (category) or of several.
/// </summary>
public sealed record BureauStatistics(
    DateOnly AsOf,
    IReadOnlyList<StatisticsCount> ProductTiers,
    IReadOnlyList<StatisticsCount> EnterpriseClasses,
    IReadOnlyList<StatisticsCount> HealthCodes,
    IReadOnlyList<StatisticsCount> MapColours,
    IReadOnlyList<StatisticsCount> CountyColours,
    IReadOnlyList<StatisticsCount> TownColours,
    OverdueStatistics Plan,
    IReadOnlyList<StatisticsCount> SignalsBySource,
    IReadOnlyList<YearEndColours> CountyColoursByYearEnd,
    IReadOnlyList<StatisticsCount> Industries);
