using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>The connection's frames: whole text messages in, messages out one at a time.</summary>
internal sealed partial class TransportWsConnection
{
    private static readonly WebSocketException BareFault = new(WebSocketError.Faulted);

    /// <summary>
    /// One whole text message, or closed; a message over the size limit or in binary closes the connection and gives
    /// no text (the connection reads on, for the client's answer to the close).
    /// </summary>
    private async Task<(byte[]? Text, bool Closed)> ReceiveAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(8 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                ValueWebSocketReceiveResult received;
                try
                {
                    received = await socket.ReceiveAsync(buffer.AsMemory(), _closing.Token);
                }
                catch (WebSocketException e) when (IsFrameRefused(e))
                {
                    // The socket has sent its close already and is aborted: this only logs the refusal.
                    await RefuseAsync(e.Message == BareFault.Message
                        ? ConnectionRefusal.NotUtf8() : ConnectionRefusal.BrokenFrame(e.Message));
                    await LetCloseArriveAsync();
                    return (null, true);
                }

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    // Answer the client's close with one (RFC 6455 §5.5.1): dropping the connection instead made every
                    // client-side close an abnormal 1006, which graphql-ws takes for a failure and retries with
                    // backoff. The client's code is echoed, as the RFC suggests. (The answer to the server's own
                    // close ends here too: nothing is sent back.)
                    await AnswerCloseAsync(socket.CloseStatus is { } status and not WebSocketCloseStatus.Empty
                        ? status : WebSocketCloseStatus.NormalClosure);
                    return (null, true);
                }

                // Refused, the connection is closing: the loop goes on reading, and dropping, until the client's close
                // (or the wait for it ends), so that a client still sending is not reset before it has read the close.
                if (received.MessageType == WebSocketMessageType.Binary)
                {
                    await RefuseAsync(ConnectionRefusal.Binary());
                    return (null, false);
                }

                if (message.Length + received.Count > options.MaxMessageBytes)
                {
                    await RefuseAsync(ConnectionRefusal.TooBig(options.MaxMessageBytes));
                    return (null, false);
                }

                message.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    return (message.ToArray(), false);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Whether the WebSocket refused a frame itself: a text frame that is not UTF-8 (RFC 6455 §8.1, fragments joined,
    /// before the message reaches <see cref="ProtocolMessage.Parse"/>) — it sends 1007 without a reason, aborts, and
    /// throws its bare fault — or one that breaks the framing rules (a reserved bit or opcode, a fragmented control
    /// frame), closed with 1002 and a message naming the rule. Let through, the exception ended the connection at
    /// once, so the client read no close (1006) and the refusal was not logged.
    /// </summary>
    private bool IsFrameRefused(WebSocketException e) =>
        e.WebSocketErrorCode == WebSocketError.Faulted && socket.State == WebSocketState.Aborted
        && !_closing.IsCancellationRequested;

    /// <summary>
    /// Waits for the client to go, 5 s at most, once the socket has closed on its own: with the request ended at
    /// once, its close reached the client only some of the time (a reset before it was read: 1006). Nothing is read
    /// meanwhile; the client's answering close, if any, is left unread.
    /// </summary>
    private async Task LetCloseArriveAsync()
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        patience.CancelAfter(TimeSpan.FromSeconds(5));
        await Task.Delay(Timeout.Infinite, patience.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>
    /// Sends one message. A client that stops reading fills the socket's buffers and the send waits; every other
    /// message of the connection waits behind it, and each operation's events pile up. After
    /// <see cref="GraphQLWebSocketOptions.SendTimeoutSeconds"/> the connection is given up (cancelling the send aborts
    /// the socket) and its operations end.
    /// </summary>
    private async Task SendAsync(string json)
    {
        // Answers waiting behind a send the client does not read are held whole. Past the bound, while that send has
        // been stuck for a second (a client that reads is not cut for answers arriving together), the connection is
        // given up now rather than when the send times out. Checked each second an answer waits.
        Interlocked.Add(ref _unsentCharacters, json.Length);
        try
        {
            while (!await _sending.WaitAsync(StuckAfter, _closing.Token))
            {
                if (TooMuchUnsent())
                {
                    Log.TooMuchUnsent(_logger, Interlocked.Read(ref _unsentCharacters));
                    await _closing.CancelAsync();
                    throw new OperationCanceledException(_closing.Token);
                }
            }
        }
        catch
        {
            Interlocked.Add(ref _unsentCharacters, -json.Length);
            throw;
        }

        try
        {
            if (socket.State == WebSocketState.Open)
            {
                // A timer of its own: aborting the socket also ends the request, so whether the connection was
                // closing cannot tell a send that timed out from one cut by a close.
                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(options.SendTimeoutSeconds));
                using var either = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token, patience.Token);
                try
                {
                    Interlocked.Exchange(ref _sendingSince, Stopwatch.GetTimestamp());
                    await socket.SendAsync(
                        Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, either.Token);
                }
                // Cancelled, the send aborts the socket and throws what the moment gives (OperationCanceledException,
                // WebSocketException, an I/O error of the aborted stream): the expired timer is what tells.
                catch (Exception) when (patience.IsCancellationRequested)
                {
                    Log.NotReading(_logger, options.SendTimeoutSeconds);
                    await _closing.CancelAsync();
                    throw;
                }
            }
        }
        finally
        {
            Interlocked.Exchange(ref _sendingSince, 0);
            Interlocked.Add(ref _unsentCharacters, -json.Length);
            _sending.Release();
        }
    }

    /// <summary>How long a send may go on before the answers behind it count as held for a reader that stopped.
    /// </summary>
    private static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(1);

    // More held than the bound behind a send that has gone on for StuckAfter.
    private bool TooMuchUnsent() =>
        Interlocked.Read(ref _unsentCharacters) > options.MaxUnsentCharacters
        && Interlocked.Read(ref _sendingSince) is not 0 and var since
        && Stopwatch.GetElapsedTime(since) > StuckAfter;
}
