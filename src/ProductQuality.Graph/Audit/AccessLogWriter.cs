using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// Group commit: requests hand their entry over and wait; one loop takes every entry waiting (after a short
/// window, see <see cref="AccessLogOptions.BatchWindowMilliseconds"/>), appends them in one transaction and then
/// releases their requests — so a commit, the expensive part, is shared by all requests that arrived meanwhile.
/// A failed append fails every request of its batch. On shutdown the entries already handed over are still written.
/// </summary>
public sealed class AccessLogWriter(AccessLogStore store, IOptions<AccessLogOptions> options,
    ILogger<AccessLogWriter> logger) : BackgroundService
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(
        new UnboundedChannelOptions { SingleReader = true });

    private long _appendStarted;

    private long _failedAt;

    /// <summary>
    /// How long ago the most recent append failed; null when it succeeded (readiness:
    /// <see cref="AccessLogHealthCheck"/>).
    /// </summary>
    public TimeSpan? SinceFailedAppend =>
        Interlocked.Read(ref _failedAt) is var failed and > 0
            ? System.Diagnostics.Stopwatch.GetElapsedTime(failed)
            : null;

    /// <summary>
    /// How long the append under way has been waiting for its commit; zero when none is. A commit held up (another
    /// process holding the SQLite file's write lock, a PostgreSQL lock) holds up every request with it.
    /// </summary>
    public TimeSpan AppendWaiting =>
        Interlocked.Read(ref _appendStarted) is var started and > 0
            ? System.Diagnostics.Stopwatch.GetElapsedTime(started)
            : TimeSpan.Zero;

    /// <summary>
    /// How long a request waits for its entry's commit before it is refused (503, fail closed), counted from the
    /// request's start: commits take milliseconds, and a database that stopped answering (a frozen PostgreSQL, a
    /// SQLite file locked by another process) held every request 30–45 s, through the connect and busy timeouts (the
    /// ops probe). As long as a query may run (GraphQL:Limits:ExecutionTimeoutMs' default); readiness says unready
    /// after 3 s of waiting. The entry may still be stored later, as the refusal its request answered: a refused
    /// request can be logged, an answered one cannot go unlogged.
    /// </summary>
    public static readonly TimeSpan CommitWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The least a request waits for its commit, however long it ran: a query that ran out its 10 s and then waited
    /// another full <see cref="CommitWait"/> for a frozen database was answered after 25 s.
    /// </summary>
    public static readonly TimeSpan MinimumCommitWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a request that has run for <paramref name="elapsed"/> waits for its commit: what is left of
    /// <see cref="CommitWait"/> since it started, and at least <see cref="MinimumCommitWait"/>.
    /// </summary>
    public static TimeSpan CommitWaitAfter(TimeSpan elapsed) =>
        CommitWait - elapsed is var left && left > MinimumCommitWait ? left : MinimumCommitWait;

    /// <summary>
    /// Completes once the entry is committed; faults when it could not be, or was not within <paramref name="wait"/>
    /// (<see cref="CommitWait"/> when not given). A request that is then refused (fail closed) is logged as refused:
    /// the entry, stored later, says 503 ACCESS_LOG_UNAVAILABLE and nothing returned (see AccessLogEntryFate.cs).
    /// </summary>
    public Task AppendAsync(AccessLogEntry entry, TimeSpan? wait = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return _queue.Writer.TryWrite(pending)
            ? WaitAsync(pending, wait ?? CommitWait)
            : Task.FromException(new InvalidOperationException("The server is stopping: the access log is closed."));
    }

    private async Task WaitAsync(Pending pending, TimeSpan wait)
    {
        try
        {
            await pending.Done.Task.WaitAsync(wait);
        }
        catch (TimeoutException)
        {
            // Failing open, the answer is given and the entry says so as it is. Failing closed, the request answers
            // 503 unless the commit has just won the race (then it is stored as it is, and the answer is given).
            if (options.Value.FailOpen || !pending.Entry.TryRefuse(pending.Entry.Refusal(wait)))
            {
                return;
            }

            throw new TimeoutException(
                $"The access log's commit did not finish within {wait.TotalSeconds:0.#} s: the database is not "
                + "answering.");
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var window = TimeSpan.FromMilliseconds(options.Value.BatchWindowMilliseconds);
        var max = options.Value.MaxBatchSize;
        var batch = new List<Pending>(max);
        var reader = _queue.Reader;

        // Not cancelled by stoppingToken: the loop ends when StopAsync closes the queue and it is drained.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            Take(reader, batch, max);
            if (window > TimeSpan.Zero && batch.Count < max)
            {
                await Task.Delay(window, CancellationToken.None);
                Take(reader, batch, max);
            }

            Interlocked.Exchange(ref _appendStarted, System.Diagnostics.Stopwatch.GetTimestamp());
            try
            {
                await WriteAsync(batch);
            }
            finally
            {
                Interlocked.Exchange(ref _appendStarted, 0);
            }
        }
    }

    private static void Take(ChannelReader<Pending> reader, List<Pending> batch, int max)
    {
        while (batch.Count < max && reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            await store.AppendAsync(batch.ConvertAll(p => p.Entry), CancellationToken.None);
            Correct(batch);
            // Not waiting any more before the requests go on: reset only after them (in the loop), a caller probing
            // readiness the moment its answer came read the stall that had just ended (a CI run's HealthTests).
            Interlocked.Exchange(ref _appendStarted, 0);
            Interlocked.Exchange(ref _failedAt, 0);
            batch.ForEach(p => p.Done.TrySetResult());
        }
#pragma warning disable CA1031 // Every failure is handed to the waiting requests, which answer for it.
        catch (Exception ex) when (batch.Count > 1 && DatabaseOutage.Reason(ex) is null)
        {
            // One entry the store refuses must not fail the requests it happened to be batched with: each is tried
            // alone (the batch was rolled back, so they are numbered again), and only those that fail alone fail.
            logger.LogWarning(ex, "Could not append a batch of {Count} access log entries; appending them one by one",
                batch.Count);
            batch.ForEach(p => p.Entry.RolledBack());
            foreach (var pending in batch)
            {
                await WriteAsync([pending]);
            }
        }
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Interlocked.Exchange(ref _failedAt, System.Diagnostics.Stopwatch.GetTimestamp());
            // The waiting requests answer for it (a batch failing for an outage fails whole: one by one would too).
            logger.LogDatabaseFailure(ex, "access-log append",
                batch.Count == 1 ? "Could not append an access log entry"
                    : $"Could not append {batch.Count} access log entries", requestId: null);
            batch.ForEach(p => p.Entry.RolledBack());
            batch.ForEach(p => p.Done.TrySetException(ex));
        }
    }

    /// <summary>
    /// Entries whose requests gave up while their transaction was committing (sealed, so stored as answered) are
    /// corrected by an entry of the answer the request gave, appended next: the chain is never rewritten.
    /// </summary>
    private void Correct(List<Pending> batch)
    {
        foreach (var pending in batch)
        {
            if (pending.Entry.Commit() is not { } refusal)
            {
                continue;
            }

            logger.LogWarning("Access log: request {RequestId} was refused ({Code}) while its entry was committing; "
                + "a correcting entry is appended", refusal.RequestId, refusal.ErrorCode);
            if (!_queue.Writer.TryWrite(new Pending(refusal, new(TaskCreationOptions.RunContinuationsAsynchronously))))
            {
                logger.LogError("Access log: the correcting entry of request {RequestId} could not be queued: the "
                    + "server is stopping", refusal.RequestId);
            }
        }
    }

    private sealed record Pending(AccessLogEntry Entry, TaskCompletionSource Done);
}
