using Microsoft.EntityFrameworkCore;

namespace ProductQuality.Graph.Data;

/// <summary>What an operation stopped at its deadline was waiting on (see <see cref="DatabaseProbe"/>).</summary>
internal enum DatabaseWait
{
    /// <summary>No call of the operation was held by the database: the time went in the server's own work.</summary>
    None,

    /// <summary>Its own statements were running, and the database answers others at once: they are its cost.</summary>
    OwnStatements,

    /// <summary>A connection could not be had, or the database does not answer at all: an outage, not the request.
    /// </summary>
    Unanswered,

    /// <summary>Its statement (or its write transaction's beginning) waited for a lock that a session outside this
    /// server's own work holds (<see cref="DatabaseLocks"/>): not the request's doing either.</summary>
    LockedElsewhere,
}

/// <summary>
/// Judges an operation stopped at its deadline while a statement of its own was in flight or a connection was being
/// opened for it, by sending the database <c>SELECT 1</c> beside it: a frozen PostgreSQL, or a pool with no
/// connection to spare, answers neither, while a database busy with this request's own statements answers at once.
/// Requests stopped together share one probe, so a hung database is not sent one per request.
/// </summary>
internal sealed class DatabaseProbe(IServiceScopeFactory scopes, ILogger<DatabaseProbe> logger)
{
    /// <summary>
    /// A database that answers at all answers <c>SELECT 1</c> in milliseconds, even while busy; the rest is room for a
    /// loaded server's own delays, which must not make a healthy database look hung.
    /// </summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private Task<bool>? _running;

    public async Task<DatabaseWait> JudgeAsync(DatabaseWaits? waits)
    {
        if (waits is null)
        {
            return DatabaseWait.None;
        }

        // A connection being opened at the deadline is the database's (or its pool's) fault when the database does
        // not answer beside it; when it does, the deadline merely fell there (a 1 ms timeout at the first open).
        // The probe runs beside the look for a lock (one of at most AnswerWithin each), so a frozen database is not
        // answered later than before; a lock wait is judged first, since SELECT 1 is answered beside it at once.
        var opening = waits.OpeningAtDeadline;
        var command = waits.CommandAtDeadline;
        var answers = opening || command ? AnswersAsync() : Task.FromResult(true);
        return await waits.HeldElsewhereAsync() ? DatabaseWait.LockedElsewhere
            : !opening && !command ? DatabaseWait.None
            : !await answers ? DatabaseWait.Unanswered
            : command ? DatabaseWait.OwnStatements
            : DatabaseWait.None;
    }

    /// <summary>Whether the database answers a trivial statement within <see cref="AnswerWithin"/>.</summary>
    public async Task<bool> AnswersAsync()
    {
        Task<bool> probe;
        lock (_lock)
        {
            probe = _running is { IsCompleted: false } running ? running : _running = Task.Run(ProbeAsync);
        }

        try
        {
            return await probe.WaitAsync(AnswerWithin);
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    // Runs to its end on its own (a call into a hung database may not heed cancellation, and releasing its context
    // while it is still connecting throws), and owns its scope; callers only wait for it, at most AnswerWithin.
    private async Task<bool> ProbeAsync()
    {
        DatabaseWaits.Leave();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProductQualityDbContext>();
            using var cancel = new CancellationTokenSource(AnswerWithin);
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancel.Token);
            return true;
        }
#pragma warning disable CA1031 // Whatever kept it from answering, the database did not answer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogDebug(ex, "The database did not answer a probe after a request ran out of time");
            return false;
        }
    }
}
