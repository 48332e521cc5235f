using System.Collections.Concurrent;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// Sends every open WebSocket connection its going-away close (1001) when the host begins to stop, and waits until
/// those frames are out before the host stops anything else (Kestrel, the access log writer, the change listener).
/// Sent only from the stop's signal, the close raced the rest of the stop: a connection whose receive loop ended
/// meanwhile lost its close half-written, and its client read a dropped connection (1006) instead of "reconnect".
/// </summary>
internal sealed partial class GoingAwayOnStop(ILogger<GoingAwayOnStop> logger) : IHostedLifecycleService
{
    /// <summary>How long the stop waits for the close frames, whatever the host's own shutdown timeout.</summary>
    private static readonly TimeSpan MostWait = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<TransportWsConnection, byte> _open = new();

    /// <summary>Lists an open connection until the returned handle is disposed.</summary>
    public IDisposable List(TransportWsConnection connection)
    {
        _open.TryAdd(connection, 0);
        return new Listing(this, connection);
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var closes = _open.Keys.Select(connection => connection.GoAwayAsync()).ToArray();
        if (closes.Length == 0)
        {
            return;
        }

        // Each close is bounded by its own send wait; this bound only keeps a pathological stop finite. The host's
        // token is not honoured: with no grace period it is cancelled already, and the frames are what grace is for.
        try
        {
            await Task.WhenAll(closes).WaitAsync(MostWait, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            Log.NotAllClosed(logger, closes.Count(close => !close.IsCompleted), closes.Length);
        }
#pragma warning disable CA1031 // The closes catch their own faults; a stop must not fail for one that did not.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.CloseFailed(logger, e.GetType().Name);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed class Listing(GoingAwayOnStop owner, TransportWsConnection connection) : IDisposable
    {
        public void Dispose() => owner._open.TryRemove(connection, out _);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Stopping: {Pending} of {Total} WebSocket connections' going-away closes were not out in time")]
        public static partial void NotAllClosed(ILogger logger, int pending, int total);

        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Stopping: a WebSocket connection's going-away close failed ({Why}); the stop goes on")]
        public static partial void CloseFailed(ILogger logger, string why);
    }
}
