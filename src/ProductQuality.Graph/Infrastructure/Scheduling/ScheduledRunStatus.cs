namespace ProductQuality.Graph.Infrastructure.Scheduling;

/// <summary>
/// A daily background service's runs in this process, newest last (for readiness, logs, operators and tests): the
/// daily re-evaluation and the access log archiver report the same things, so they share this record of them.
/// </summary>
/// <typeparam name="TRun">The summary a completed run returns.</typeparam>
public abstract class ScheduledRunStatus<TRun>
{
    private readonly Lock _lock = new();
    private readonly List<TRun> _runs = [];
    private int _failures;
    private bool _lastFailed;
    private DateTimeOffset? _nextRunAt;

    public IReadOnlyList<TRun> Runs
    {
        get
        {
            lock (_lock)
            {
                return [.. _runs];
            }
        }
    }

    /// <summary>Runs that failed (logged, tried again later).</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>Whether the most recent run failed (it is tried again later).</summary>
    public bool LastFailed
    {
        get
        {
            lock (_lock)
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
            lock (_lock)
            {
                return _nextRunAt;
            }
        }
    }

    internal void Running()
    {
        lock (_lock)
        {
            _nextRunAt = null;
        }
    }

    internal void Waiting(DateTimeOffset until)
    {
        lock (_lock)
        {
            _nextRunAt = until;
        }
    }

    internal void Completed(TRun run)
    {
        lock (_lock)
        {
            _runs.Add(run);
            _lastFailed = false;
        }
    }

    internal void Failed()
    {
        Interlocked.Increment(ref _failures);
        lock (_lock)
        {
            _lastFailed = true;
        }
    }
}
