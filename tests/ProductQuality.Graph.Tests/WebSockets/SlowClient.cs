using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// A graphql-transport-ws client over a TCP socket with a small receive buffer that reads a trickle: the kernel's
/// buffers cannot hide that it is slow, as they would for ClientWebSocket's (which may hold megabytes).
/// </summary>
internal sealed class SlowClient : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly WebSocket _socket;

    private SlowClient(TcpClient tcp, WebSocket socket) => (_tcp, _socket) = (tcp, socket);

    public static async Task<SlowClient> ConnectAsync(Uri server, string token)
    {
        var tcp = new TcpClient { ReceiveBufferSize = 4096 };
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var handshake = $"GET /graphql HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: Upgrade\r\n"
            + $"Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: {key}\r\n"
            + "Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(handshake));
        var answer = new StringBuilder();
        var one = new byte[1];
        while (!answer.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            Assert.Equal(1, await stream.ReadAsync(one));
            answer.Append((char)one[0]);
        }

        Assert.StartsWith("HTTP/1.1 101", answer.ToString(), StringComparison.Ordinal);
        var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions
        {
            IsServer = false, SubProtocol = "graphql-transport-ws", KeepAliveInterval = TimeSpan.Zero,
        });
        var client = new SlowClient(tcp, socket);
        await client.SendAsync(JsonSerializer.Serialize(new
        {
            type = "connection_init", payload = new { Authorization = "Bearer " + token },
        }));
        var buffer = new byte[4096];
        var ack = await socket.ReceiveAsync(buffer, CancellationToken.None);
        Assert.Contains("connection_ack", Encoding.UTF8.GetString(buffer, 0, ack.Count), StringComparison.Ordinal);
        return client;
    }

    public Task SendAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Reads 1 KB every 100 ms until the connection ends; the bytes read.</summary>
    public async Task<long> TrickleAsync()
    {
        var buffer = new byte[1024];
        long read = 0;
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return read;
                }

                read += received.Count;
                await Task.Delay(100);
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException)
        {
            return read;
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _tcp.Dispose();
    }
}
