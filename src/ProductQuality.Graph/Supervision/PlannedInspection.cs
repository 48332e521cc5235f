using ProductQuality.Graph.Rules.Supervision;

namespace ProductQuality.Graph.Supervision;

/// <summary>
/// One line of a plan before its enterprise row is loaded: the enterprise's id and code, and its schedule.
/// </summary>
public sealed record PlannedInspection(int Id, string CreditCode, InspectionSchedule Schedule);
