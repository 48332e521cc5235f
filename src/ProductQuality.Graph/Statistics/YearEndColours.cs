namespace ProductQuality.Graph.Statistics;

/// <summary>
/// Counties by region colour as they stood at one year end: how the map looked over the visible years.
/// </summary>
public sealed record YearEndColours(DateOnly YearEnd, IReadOnlyList<StatisticsCount> Colours);
