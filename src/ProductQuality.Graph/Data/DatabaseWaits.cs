using System.Collections.Concurrent;

namespace ProductQuality.Graph.Data;

/// <summary>
/// What one operation was waiting on from the database when its execution deadline passed: a command of its own, a
/// connection being opened, or nothing. A request stopped at the deadline was answered 400 QUERY_TIMEOUT even while
/// a frozen PostgreSQL held it (the ops probe): the caller was blamed for an outage. Set for the operation's async
/// flow (<see cref="Begin"/>), so the commands of other requests and of the access log's writer are not counted.
/// Shortly before the deadline, calls still in flight are looked at for a lock another session holds
/// (<see cref="DatabaseLocks"/>): once the deadline has cancelled them, they no longer wait for anything.
/// </summary>
internal sealed class DatabaseWaits : IDisposable
{
    private static readonly AsyncLocal<DatabaseWaits?> Flow = new();
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(50);

    /// <summary>How long before the deadline the calls in flight are looked at: time for a query on another
    /// connection to answer, short enough that a statement waiting then still waits at the deadline.</summary>
    private static readonly TimeSpan LookAhead = TimeSpan.FromMilliseconds(500);

    private readonly DateTimeOffset _deadline;
    private readonly DatabaseWaits? _outer;
    // Made on first use: most operations' calls are few, and many requests make none.
    private ConcurrentDictionary<Guid, CallInFlight>? _commands;
    private ConcurrentDictionary<Guid, DateTimeOffset>? _openings;
    private ConcurrentDictionary<Guid, CallInFlight>? _beginnings;
    private ConcurrentDictionary<Guid, byte>? _endedAtDeadline;
    private int _commandAtDeadline;
    private int _openingAtDeadline;
    private Timer? _look;
    private Task<IReadOnlyCollection<Guid>>? _heldElsewhere;

    private DatabaseWaits(TimeSpan timeout, DatabaseWaits? outer)
    {
        _deadline = timeout == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : DateTimeOffset.UtcNow + timeout;
        _outer = outer;
    }

    /// <summary>The operation whose async flow this is; null outside one (background work, a probe).</summary>
    public static DatabaseWaits? Current => Flow.Value;

    /// <summary>Starts watching the operation about to execute with <paramref name="timeout"/>; dispose after it.
    /// </summary>
    public static DatabaseWaits Begin(TimeSpan timeout)
    {
        var waits = new DatabaseWaits(timeout, Flow.Value);
        Flow.Value = waits;
        return waits;
    }

    /// <summary>Runs outside any operation's watch: the server's own look at the database is not the request's.
    /// </summary>
    public static void Leave() => Flow.Value = null;

    /// <summary>A command of the operation sent, or still in flight, when the deadline passed.</summary>
    public bool CommandAtDeadline => Volatile.Read(ref _commandAtDeadline) == 1 || _commands is { IsEmpty: false };

    /// <summary>A connection of the operation being opened (or waited for from the pool) when the deadline passed.
    /// </summary>
    public bool OpeningAtDeadline => Volatile.Read(ref _openingAtDeadline) == 1 || _openings is { IsEmpty: false };

    public void CommandStarted(Guid id, CallInFlight call, DatabaseLocks locks)
    {
        LazyInitializer.EnsureInitialized(ref _commands)[id] = call;
        LookBeforeDeadline(locks);
    }

    public void CommandEnded(Guid id)
    {
        if (_commands is not null && _commands.TryRemove(id, out var call))
        {
            AtDeadline(id, call.Started, ref _commandAtDeadline);
        }
    }

    /// <summary>A transaction being begun (on SQLite, waiting for the file's write lock).</summary>
    public void BeginningStarted(Guid id, CallInFlight call, DatabaseLocks locks)
    {
        LazyInitializer.EnsureInitialized(ref _beginnings)[id] = call;
        LookBeforeDeadline(locks);
    }

    public void BeginningEnded(Guid id)
    {
        // Not a command at the deadline: a beginning counts only as a wait for a lock held elsewhere.
        var notACommand = 0;
        if (_beginnings is not null && _beginnings.TryRemove(id, out var call))
        {
            AtDeadline(id, call.Started, ref notACommand);
        }
    }

    /// <summary>
    /// Whether a call in flight at the deadline was waiting, just before it, for a lock that a session outside this
    /// server's own work holds (false when it was not looked at, or the look did not answer in time).
    /// </summary>
    public async Task<bool> HeldElsewhereAsync()
    {
        if (Volatile.Read(ref _heldElsewhere) is not { } look)
        {
            return false;
        }

        IReadOnlyCollection<Guid> held;
        try
        {
            held = await look.WaitAsync(DatabaseProbe.AnswerWithin);
        }
        catch (TimeoutException)
        {
            return false;
        }

        return held.Any(id => _endedAtDeadline?.ContainsKey(id) == true || _commands?.ContainsKey(id) == true
            || _beginnings?.ContainsKey(id) == true);
    }

    public void OpeningStarted(Guid id, DateTimeOffset started) =>
        LazyInitializer.EnsureInitialized(ref _openings)[id] = started;

    public void OpeningEnded(Guid id) => Ended(_openings, id, ref _openingAtDeadline);

    // Cancelled at the deadline, a call ends after it: one that began before it was what the operation waited on.
    // The deadline's timer counts whole ticks and fired a millisecond before the clock said (a flaky test), so a call
    // ending in its last moments counts too. Ended once: a command whose reader came back and an interceptor after it
    // failed is reported ended twice.
    private void Ended(ConcurrentDictionary<Guid, DateTimeOffset>? inFlight, Guid id, ref int atDeadline)
    {
        if (inFlight is not null && inFlight.TryRemove(id, out var started))
        {
            AtDeadline(id, started, ref atDeadline);
        }
    }

    private void AtDeadline(Guid id, DateTimeOffset started, ref int atDeadline)
    {
        if (started < _deadline && DateTimeOffset.UtcNow >= _deadline - TimerSlack)
        {
            Volatile.Write(ref atDeadline, 1);
            LazyInitializer.EnsureInitialized(ref _endedAtDeadline)[id] = 0;
        }
    }

    // One timer per operation, set by its first call: most end long before it fires. Not in the operation's flow, so
    // the look's own calls are not counted as the operation's.
    private void LookBeforeDeadline(DatabaseLocks locks)
    {
        if (_deadline == DateTimeOffset.MaxValue || Volatile.Read(ref _look) is not null)
        {
            return;
        }

        var due = _deadline - LookAhead - DateTimeOffset.UtcNow;
        using (ExecutionContext.SuppressFlow())
        {
            var timer = new Timer(_ => Look(locks), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (Interlocked.CompareExchange(ref _look, timer, null) is not null)
            {
                timer.Dispose();
                return;
            }

            timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private void Look(DatabaseLocks locks)
    {
        var calls = new Dictionary<Guid, CallInFlight>();
        foreach (var inFlight in new[] { _commands, _beginnings })
        {
            foreach (var (id, call) in inFlight ?? Enumerable.Empty<KeyValuePair<Guid, CallInFlight>>())
            {
                calls[id] = call;
            }
        }

        if (calls.Count > 0)
        {
            Volatile.Write(ref _heldElsewhere, Task.Run(() => locks.HeldElsewhereAsync(calls)));
        }
    }

    public void Dispose()
    {
        _look?.Dispose();
        Flow.Value = _outer;
    }
}
