using System.Collections.Concurrent;

namespace ProductQuality.Graph.Data;

/// <summary>
/// What one operation was waiting on from the database when its execution deadline passed: a command of its own, a
/// connection being opened, or nothing. A request stopped at the deadline was answered 400 QUERY_TIMEOUT even while
/// a frozen PostgreSQL held it (the ops probe): the caller was blamed for an outage. Set for the operation's async
/// flow (<see cref="Begin"/>), so the commands of other requests and of the access log's writer are not counted.
/// </summary>
internal sealed class DatabaseWaits : IDisposable
{
    private static readonly AsyncLocal<DatabaseWaits?> Flow = new();
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(50);

    private readonly DateTimeOffset _deadline;
    private readonly DatabaseWaits? _outer;
    // Made on first use: most operations' calls are few, and many requests make none.
    private ConcurrentDictionary<Guid, DateTimeOffset>? _commands;
    private ConcurrentDictionary<Guid, DateTimeOffset>? _openings;
    private int _commandAtDeadline;
    private int _openingAtDeadline;

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

    public void CommandStarted(Guid id, DateTimeOffset started) =>
        LazyInitializer.EnsureInitialized(ref _commands)[id] = started;

    public void CommandEnded(Guid id) => Ended(_commands, id, ref _commandAtDeadline);

    public void OpeningStarted(Guid id, DateTimeOffset started) =>
        LazyInitializer.EnsureInitialized(ref _openings)[id] = started;

    public void OpeningEnded(Guid id) => Ended(_openings, id, ref _openingAtDeadline);

    // Cancelled at the deadline, a call ends after it: one that began before it was what the operation waited on.
    // The deadline's timer counts whole ticks and fired a millisecond before the clock said (a flaky test), so a call
    // ending in its last moments counts too. Ended once: a command whose reader came back and an interceptor after it
    // failed is reported ended twice.
    private void Ended(ConcurrentDictionary<Guid, DateTimeOffset>? inFlight, Guid id, ref int atDeadline)
    {
        if (inFlight is not null && inFlight.TryRemove(id, out var started)
            && started < _deadline && DateTimeOffset.UtcNow >= _deadline - TimerSlack)
        {
            Volatile.Write(ref atDeadline, 1);
        }
    }

    public void Dispose() => Flow.Value = _outer;
}
