using System.Net.WebSockets;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// The connection's close: the server's own (a refusal, the init deadline, the token's expiry, the stop), sent once,
/// and the answer to the client's.
/// </summary>
internal sealed partial class TransportWsConnection
{
    /// <summary>How long a client is given to answer the server's close before it is let go.</summary>
    private static readonly TimeSpan CloseAnswerWait = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long the close frame itself may take to go out (a client that reads nothing holds it up), and how long an
    /// event being delivered as the close begins may take to go out before it.
    /// </summary>
    private static readonly TimeSpan CloseSendWait = TimeSpan.FromSeconds(2);

    private readonly Lock _closeGate = new();
    private Task? _close;
    private int _closeBegun;

    /// <summary>Whether the server's close has begun: nothing the client sends after it is run.</summary>
    private bool CloseBegun => Volatile.Read(ref _closeBegun) != 0;

    /// <summary>
    /// The server is stopping: the close frame (1001) goes out at once, beside the receive loop. Called by the stop's
    /// signal and by <see cref="GoingAwayOnStop"/>, which waits for it before the host stops anything else. A
    /// connection the server is closing already keeps that close (and is let go as soon).
    /// </summary>
    public Task GoAwayAsync() =>
        CloseAsync(CloseCodes.GoingAway, "The server is stopping: reconnect shortly, resuming from your last cursor");

    /// <summary>
    /// Closes the connection from the server's side, once: the task completes when the close frame is out (or cannot
    /// be). The receive loop then reads the client's answer and ends; a client that does not answer is let go after
    /// <see cref="CloseAnswerWait"/>.
    /// </summary>
    private Task CloseAsync(int code, string reason)
    {
        lock (_closeGate)
        {
            if (_close is null)
            {
                Interlocked.Exchange(ref _closeBegun, 1);
                // Not run under the lock: ending the operations runs their cancellation's callbacks.
                _close = Task.Run(() => SendCloseAsync(code, reason));
            }

            return _close;
        }
    }

    /// <summary>The close already under way, if any: it goes out before the connection ends.</summary>
    private Task? CloseUnderWay()
    {
        lock (_closeGate)
        {
            return _close;
        }
    }

    private async Task SendCloseAsync(int code, string reason)
    {
        Log.Closing(_logger, code, reason);
        var answerWait = CloseAnswerWait;
        try
        {
            // The operations end first: nothing after the close is run, sent or logged. They ended only once the
            // client had answered the close, and a client that never did kept its subscriptions reading the database
            // and logging events as delivered (200, with their credit codes) that were never sent.
            await EndOperationsAsync();

            // A bound of its own, not the connection's: the receive loop ending meanwhile (an operation's start cut
            // short, the request ending) cancelled the connection's token, and with it the close frame half-sent,
            // which aborts the socket: the client read a dropped connection (1006), not the close.
            using var patience = new CancellationTokenSource(CloseSendWait);
            await _sending.WaitAsync(patience.Token);
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    await socket.CloseOutputAsync(
                        (WebSocketCloseStatus)code, CloseCodes.FitReason(reason), patience.Token);
                }
            }
            finally
            {
                _sending.Release();
            }
        }
        // Best effort, and awaited by the host's stop and by the connection's end: a fault here must fail neither.
        // A connection already gone throws what its transport gives (a WebSocketException, an IOException of the
        // stream, a disposed socket): in CI a test host's socket threw an IOException, the connection's request
        // failed with it, and so did the host's stop.
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.CloseNotSent(_logger, code, e.GetType().Name);
            answerWait = TimeSpan.Zero;   // no close out, no answer to wait for
        }

        // The wait for the answer is bounded: the socket's own close waited for it for ever, so a client closed 4408
        // that never answered held its address's place (TOO_MANY_CONNECTIONS) for minutes, and a stop waited out its
        // whole shutdown timeout. Cancelled, the receive loop ends, the socket is aborted and the request ends.
        try
        {
            if (answerWait == TimeSpan.Zero)
            {
                await _closing.CancelAsync();
            }
            else
            {
                _closing.CancelAfter(answerWait);
            }
        }
        catch (ObjectDisposedException)
        {
            // The connection has ended already.
        }
    }

    /// <summary>
    /// Ends every operation for the close: no event is delivered after it, and one being delivered is given
    /// <see cref="CloseSendWait"/> to go out first. Operations still starting are cut short and logged as such.
    /// </summary>
    private async Task EndOperationsAsync()
    {
        var ending = new List<Task>();
        foreach (var (id, operation) in _operations)
        {
            if (_operations.TryRemove(KeyValuePair.Create(id, operation)))
            {
                ending.Add(operation.EndWithinAsync(CloseSendWait));
            }
        }

        await Task.WhenAll(ending);
    }

    /// <summary>
    /// Answers the client's close with one, echoing <paramref name="code"/>, once its operations have ended (the
    /// socket sends nothing more to it). A close of the server's own already out is the answer: nothing is sent.
    /// </summary>
    private async Task AnswerCloseAsync(WebSocketCloseStatus code)
    {
        Interlocked.Exchange(ref _closeBegun, 1);
        await EndOperationsAsync();
        try
        {
            using var patience = new CancellationTokenSource(CloseSendWait);
            await _sending.WaitAsync(patience.Token);
            try
            {
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(code, "", patience.Token);
                }
            }
            finally
            {
                _sending.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Already gone, or not reading: the connection ends either way.
        }
    }
}
