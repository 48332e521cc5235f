using ProductQuality.Graph.Infrastructure.Scheduling;

namespace ProductQuality.Graph.Maintenance;

/// <summary>The daily re-evaluation's runs in this process, newest last (for logs, tests and operators).</summary>
public sealed class MaintenanceStatus : ScheduledRunStatus<DueRunSummary>;
