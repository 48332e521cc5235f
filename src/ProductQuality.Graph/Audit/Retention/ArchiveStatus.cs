namespace ProductQuality.Graph.Audit.Retention;

/// <summary>The archive service's runs in this process (for readiness, logs and tests).</summary>
public sealed class ArchiveStatus
{
    private readonly List<ArchiveRunSummary> _runs = [];
    private int _failures;
    private bool _lastFailed;
    private DateTimeOffset? _nextRunAt;

    public IReadOnlyList<ArchiveRunSummary> Runs
    {
        get
        {
            lock (_runs)
            {
                return [.. _runs];
            }
        }
    }

    public int Failures => Volatile.Read(ref _failures);

    /// <summary>Whether the most recent run failed (it is tried again later).</summary>
    public bool LastFailed
    {
        get
        {
            lock (_runs)
            {
                return _lastFailed;
            }
        }
    }

    /// <summary>When the service next runs (by its clock), while it waits; null while it runs.</summary>
    public DateTimeOffset? NextRunAt
    {
        get
        {
            lock (_runs)
            {
                return _nextRunAt;
            }
        }
    }

    internal void Running()
    {
        lock (_runs)
        {
            _nextRunAt = null;
        }
    }

    internal void Waiting(DateTimeOffset until)
    {
        lock (_runs)
        {
            _nextRunAt = until;
        }
    }

    internal void Completed(ArchiveRunSummary run)
    {
        lock (_runs)
        {
            _runs.Add(run);
            _lastFailed = false;
        }
    }

    internal void Failed()
    {
        Interlocked.Increment(ref _failures);
        lock (_runs)
        {
            _lastFailed = true;
        }
    }
}
