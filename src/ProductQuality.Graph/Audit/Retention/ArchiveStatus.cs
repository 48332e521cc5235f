using ProductQuality.Graph.Infrastructure.Scheduling;

namespace ProductQuality.Graph.Audit.Retention;

/// <summary>The archive service's runs in this process (for readiness, logs and tests).</summary>
public sealed class ArchiveStatus : ScheduledRunStatus<ArchiveRunSummary>;
