namespace ProductQuality.Graph.Changes;

/// <summary>
/// Wakes the subscriptions of this server when a write may have appended change events: in-process after a commit
/// here, and through PostgreSQL's LISTEN/NOTIFY when another server committed (<see cref="PostgresChangeListener"/>).
/// A wake-up only says "read again"; what to send is always read from the feed, so a lost or extra one is harmless
/// (subscriptions also read again every few seconds).
/// </summary>
public sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes at the next <see cref="Pulse"/>; take it before reading, so no pulse falls in between.
    /// </summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))
            .TrySetResult();
}
