namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// The events of one subscription that its source has handed on and its client has not been sent yet, bounded: the
/// source waits for room before it hands on another, so the client's pace, not the server's memory, sets the pace.
/// While delivery blocked a thread, the source was held back by that; delivered from a loop of its own, an event
/// must hold it back explicitly.
/// </summary>
// A SemaphoreSlim holds nothing to release unless its wait handle is asked for, which it never is here; disposed
// while its stream may still be waiting on it, it would fault that stream instead of letting it stop.
#pragma warning disable CA1001
public sealed class EventBacklog(int limit)
#pragma warning restore CA1001
{
    private readonly SemaphoreSlim _room = new(limit, limit);

    public int Limit { get; } = limit;

    /// <summary>Waits, holding no thread, until fewer than <see cref="Limit"/> events are on their way.</summary>
    public Task WaitForRoomAsync(CancellationToken cancel) => _room.WaitAsync(cancel);

    /// <summary>One event has left the backlog: sent, or dropped because its operation ended.</summary>
    public void Left()
    {
        try
        {
            _room.Release();
        }
        catch (SemaphoreFullException)
        {
            // An event from a source that never waited for room (only change streams do): nothing to give back.
        }
    }
}
