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
