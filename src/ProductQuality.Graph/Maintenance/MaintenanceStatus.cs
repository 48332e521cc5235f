namespace ProductQuality.Graph.Maintenance;

/// <summary>The daily re-evaluation's completed runs in this process, newest last (for logs, tests and operators).</summary>
public sealed class MaintenanceStatus
{
    private readonly List<DueRunSummary> runs = [];
    private int failures;
    private DateTimeOffset? nextRunAt;

    public IReadOnlyList<DueRunSummary> Runs
    {
        get
        {
            lock (runs)
            {
                return [.. runs];
            }
        }
    }

    /// <summary>Runs that failed (logged, retried later).</summary>
    public int Failures => Volatile.Read(ref failures);

    /// <summary>When the service next runs (by its clock), while it waits; null while it runs.</summary>
    public DateTimeOffset? NextRunAt
    {
        get
        {
            lock (runs)
            {
                return nextRunAt;
            }
        }
    }

    internal void Running()
    {
        lock (runs)
        {
            nextRunAt = null;
        }
    }

    internal void Waiting(DateTimeOffset until)
    {
        lock (runs)
        {
            nextRunAt = until;
        }
    }

    internal void Completed(DueRunSummary run)
    {
        lock (runs)
        {
            runs.Add(run);
        }
    }

    internal void Failed() => Interlocked.Increment(ref failures);
}
