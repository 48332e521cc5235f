using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>The connection's frames: whole text messages in, messages out one at a time, and the close.</summary>
internal sealed partial class TransportWsConnection
{
    /// <summary>
    /// One whole text message, or closed; a message over the size limit or in binary closes the connection.
    /// </summary>
    private async Task<(byte[]? Text, bool Closed)> ReceiveAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(8 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    // Answer the client's close with one (RFC 6455 §5.5.1): dropping the connection instead made every
                    // client-side close an abnormal 1006, which graphql-ws takes for a failure and retries with
                    // backoff. The client's code is echoed, as the RFC suggests.
                    await CloseAsync((int)(socket.CloseStatus is { } status and not WebSocketCloseStatus.Empty
                        ? status : WebSocketCloseStatus.NormalClosure), "");
                    return (null, true);
                }

                if (received.MessageType == WebSocketMessageType.Binary)
                {
                    await RefuseAsync(ConnectionRefusal.Binary());
                    return (null, true);
                }

                if (message.Length + received.Count > options.MaxMessageBytes)
                {
                    await RefuseAsync(ConnectionRefusal.TooBig(options.MaxMessageBytes));
                    return (null, true);
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
    /// Sends one message. A client that stops reading fills the socket's buffers and the send waits; every other
    /// message of the connection waits behind it, and each operation's events pile up. After
    /// <see cref="GraphQLWebSocketOptions.SendTimeoutSeconds"/> the connection is given up (cancelling the send aborts
    /// the socket) and its operations end.
    /// </summary>
    private async Task SendAsync(string json)
    {
        await _sending.WaitAsync(_closing.Token);
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
            _sending.Release();
        }
    }

    private async Task CloseAsync(int code, string reason)
    {
        Log.Closing(_logger, code, reason);
        try
        {
            await _sending.WaitAsync(http.RequestAborted);
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseAsync(
                        (WebSocketCloseStatus)code, CloseCodes.FitReason(reason), http.RequestAborted);
                }
            }
            finally
            {
                _sending.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Already gone.
        }

        await _closing.CancelAsync();
    }
}
