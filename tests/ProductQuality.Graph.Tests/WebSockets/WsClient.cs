using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>A raw graphql-transport-ws client over a real socket: sends text, reads messages or the close.</summary>
internal sealed class WsClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ClientWebSocket _socket = new();

    private WsClient()
    {
    }

    public static async Task<WsClient> ConnectAsync(Uri server, string path = "/graphql",
        string? subProtocol = "graphql-transport-ws", string? bearer = null, string? purpose = null,
        string? origin = null, IReadOnlyList<string>? moreSubProtocols = null)
    {
        var client = new WsClient();
        if (subProtocol is not null)
        {
            client._socket.Options.AddSubProtocol(subProtocol);
        }

        foreach (var more in moreSubProtocols ?? [])
        {
            client._socket.Options.AddSubProtocol(more);
        }

        if (bearer is not null)
        {
            client._socket.Options.SetRequestHeader("Authorization", "Bearer " + bearer);
        }

        if (purpose is not null)
        {
            client._socket.Options.SetRequestHeader("X-Purpose", purpose);
        }

        if (origin is not null)
        {
            client._socket.Options.SetRequestHeader("Origin", origin);   // as a browser sends it
        }

        var query = path.IndexOf('?', StringComparison.Ordinal);
        var address = new UriBuilder(server)
        {
            Scheme = "ws", Path = query < 0 ? path : path[..query], Query = query < 0 ? "" : path[(query + 1)..],
        }.Uri;
        using var timeout = new CancellationTokenSource(Patience);
        await client._socket.ConnectAsync(address, timeout.Token);
        return client;
    }

    /// <summary>A WebSocket upgrade sent as a plain HTTP request, to read the server's answer to a refused one.
    /// </summary>
    public static HttpRequestMessage UpgradeRequest(string? subProtocol, string? purpose = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.ParseAdd("websocket");
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
        if (subProtocol is not null)
        {
            request.Headers.Add("Sec-WebSocket-Protocol", subProtocol);
        }

        if (purpose is not null)
        {
            request.Headers.Add("X-Purpose", purpose);
        }

        return request;
    }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseReason => _socket.CloseStatusDescription;

    public string? SubProtocol => _socket.SubProtocol;

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public async Task SendAsync(byte[] bytes, WebSocketMessageType type)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(bytes, type, true, timeout.Token);
    }

    /// <summary>One text message sent as several frames, split where the test says (mid-character too).</summary>
    public async Task SendFragmentsAsync(params byte[][] fragments)
    {
        using var timeout = new CancellationTokenSource(Patience);
        for (var i = 0; i < fragments.Length; i++)
        {
            await _socket.SendAsync(fragments[i], WebSocketMessageType.Text, i == fragments.Length - 1, timeout.Token);
        }
    }

    public Task InitAsync(string? token) =>
        SendAsync(token is null ? "{\"type\":\"connection_init\"}"
            : JsonSerializer.Serialize(
                new { type = "connection_init", payload = new { Authorization = "Bearer " + token } }));

    /// <summary>The next message as JSON, or null when the server closed the connection (see CloseStatus).</summary>
    public async Task<JsonElement?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            WebSocketReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(buffer, timeout.Token);
            }
            catch (WebSocketException)
            {
                return null;
            }

            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
            }
        }
    }

    /// <summary>Reads until the server closes; fails if it sends anything else first.</summary>
    public async Task<(int Code, string Reason)> ClosedAsync()
    {
        var message = await ReceiveAsync();
        Assert.True(message is null, $"expected the connection to close, got {message}");
        return ((int)_socket.CloseStatus!, _socket.CloseStatusDescription ?? "");
    }

    /// <summary>
    /// Closes from the client's side as graphql-ws's dispose does, and waits for the server's answering close: the
    /// state then (Closed when the server answered, Aborted or an exception when it only dropped the connection).
    /// </summary>
    public async Task<(WebSocketState State, WebSocketCloseStatus? Status)> CloseAsync(WebSocketCloseStatus status)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.CloseAsync(status, "bye", timeout.Token);
        return (_socket.State, _socket.CloseStatus);
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // Already closing.
            }
        }

        _socket.Dispose();
    }
}
