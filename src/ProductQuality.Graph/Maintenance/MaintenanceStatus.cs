namespace ProductQuality.Graph.Maintenance;

/// <summary>The daily re-evaluation's completed runs in this process, newest last (for logs, tests and operators).</summary>
public sealed class MaintenanceStatus
{
    private readonly List<DueRunSummary> runs = [];
    private int failures;

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

    internal void Completed(DueRunSummary run)
    {
        lock (runs)
        {
            runs.Add(run);
        }
    }

    internal void Failed() => Interlocked.Increment(ref failures);
}
