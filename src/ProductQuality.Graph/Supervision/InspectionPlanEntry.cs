using ProductQuality.Graph.Enterprises;
using ProductQuality.Graph.Rules.Supervision;

namespace ProductQuality.Graph.Supervision;

/// <summary>An enterprise with its next inspection date by the frequency rules.</summary>
public sealed record InspectionPlanEntry(Enterprise Enterprise, InspectionSchedule Schedule);
