using System.Diagnostics;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// A server that stops closes its open WebSocket connections at once with 1001 (going away) and a reason that says to
/// reconnect. It waited for them to end by themselves for the host's whole shutdown timeout (30 s) and then reset
/// them, so clients saw an abnormal 1006 half a minute late and every instance of a rolling deploy waited it out
/// (the protocol probe).
/// </summary>
public sealed class WebSocketShutdownTests
{
    [Fact]
    public async Task Stopping_the_server_closes_open_connections_with_going_away_at_once()
    {
        var server = new WebSocketServer();
        await using var idle = await WsClient.ConnectAsync(server.Address);
        await using var subscribed = await WsClient.ConnectAsync(server.Address);
        foreach (var client in new[] { idle, subscribed })
        {
            await client.InitAsync(server.Token("samr-jiaxing"));
            Assert.Equal("connection_ack", (await client.ReceiveAsync())?.GetProperty("type").GetString());
        }

        await subscribed.SendAsync("""
            {"type":"subscribe","id":"1","payload":{"query":"subscription { changes { kind creditCode } }"}}
            """);

        var clock = Stopwatch.StartNew();
        var stopping = Task.Run(server.Dispose);
        foreach (var client in new[] { idle, subscribed })
        {
            var (code, reason) = await client.ClosedAsync();
            Assert.Equal(1001, code);
            Assert.Contains("reconnect shortly, resuming from your last cursor", reason, StringComparison.Ordinal);
        }

        await stopping.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the stop took {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
