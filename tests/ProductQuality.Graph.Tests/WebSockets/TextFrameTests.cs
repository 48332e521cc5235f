using System.Text;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Audit;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// Text frames are UTF-8 (RFC 6455 §5.6). One that is not was refused by the WebSocket layer, and the connection
/// dropped with no close the client could read (1006) and no access log entry; a character split between two
/// fragments of one message is UTF-8 all the same and is read whole.
/// </summary>
public sealed class TextFrameTests(WebSocketServer server) : IClassFixture<WebSocketServer>
{
    [Fact]
    public async Task A_text_frame_that_is_not_UTF8_closes_with_1007_and_leaves_one_entry()
    {
        var purpose = AccessLogProbe.NewPurpose("ws-not-utf8");
        await using var client = await WsClient.ConnectAsync(server.Address, purpose: purpose);
        await client.InitAsync(server.Token("finance"));
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());

        await client.SendAsync([(byte)'{', 0xFF, (byte)'}'], System.Net.WebSockets.WebSocketMessageType.Text);
        Assert.Equal(1007, (await client.ClosedAsync()).Code);

        // The socket sent its close before the server read the frame, so the entry may still be on its way.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await server.EntriesAsync(purpose)).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var entry = await server.EntryAsync(purpose);
        WebSocketRefusalLogTests.AssertRefused(entry, 1007, "INVALID_JSON", AccessOutcome.ValidationError);
        Assert.Equal("finance", entry.Department);
    }

    /// <summary>
    /// A frame that breaks RFC 6455's framing (a reserved bit set, a fragmented control frame, a reserved opcode): the
    /// WebSocket layer closes it with 1002, and the refusal went unlogged. It is logged as every other refusal (one
    /// entry, the close code, INVALID_FRAME).
    /// </summary>
    [Theory]
    [InlineData(0xC1)]   // FIN + RSV1 + text: no extension was agreed
    [InlineData(0x09)]   // a ping without FIN: control frames may not be fragmented
    [InlineData(0x83)]   // opcode 3: reserved
    public async Task A_frame_that_breaks_the_framing_rules_closes_with_1002_and_leaves_one_entry(
        int firstByte)
    {
        var purpose = AccessLogProbe.NewPurpose("ws-bad-frame");
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Address.Host, server.Address.Port);
        var stream = tcp.GetStream();
        var handshake = $"GET /graphql HTTP/1.1\r\nHost: {server.Address.Authority}\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            + $"Sec-WebSocket-Protocol: graphql-transport-ws\r\nX-Purpose: {purpose}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(handshake));
        var answer = await ReadAsync(stream, "\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 101", answer, StringComparison.Ordinal);

        byte[] payload = [(byte)'{', (byte)'}'];
        byte[] frame = [(byte)firstByte, (byte)(0x80 | payload.Length), 1, 2, 3, 4, (byte)(payload[0] ^ 1),
            (byte)(payload[1] ^ 2)];
        await stream.WriteAsync(frame);

        // The server's close frame: 0x88, its length, then the code (big-endian) and the reason.
        var close = new byte[2 + 125];
        var read = await stream.ReadAtLeastAsync(close, 4, throwOnEndOfStream: false).AsTask()
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(read >= 4 && close[0] == 0x88, $"no close frame: {Convert.ToHexString(close[..read])}");
        Assert.Equal(1002, (close[2] << 8) | close[3]);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await server.EntriesAsync(purpose)).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var entry = await server.EntryAsync(purpose);
        WebSocketRefusalLogTests.AssertRefused(entry, 1002, "INVALID_FRAME", AccessOutcome.ValidationError);
    }

    private static async Task<string> ReadAsync(System.Net.Sockets.NetworkStream stream, string until)
    {
        var text = new StringBuilder();
        var one = new byte[1];
        while (!text.ToString().EndsWith(until, StringComparison.Ordinal)
            && await stream.ReadAsync(one).AsTask().WaitAsync(TimeSpan.FromSeconds(30)) == 1)
        {
            text.Append((char)one[0]);
        }

        return text.ToString();
    }

    [Fact]
    public async Task A_character_split_between_two_fragments_is_read_whole()
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token("finance"));
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());

        var ping = Encoding.UTF8.GetBytes("{\"type\":\"ping\",\"payload\":{\"note\":\"中\"}}");
        var middle = Array.IndexOf(ping, (byte)0xE4) + 2;   // after the second of 中's three bytes
        await client.SendFragmentsAsync(ping[..middle], ping[middle..]);
        Assert.Equal("pong", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }
}
