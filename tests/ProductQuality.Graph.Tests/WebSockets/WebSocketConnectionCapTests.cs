using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Infrastructure.WebSockets;
using ProductQuality.Graph.Tests.Audit;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// One address may hold only so many WebSocket connections open (GraphQL:WebSockets:MaxConnectionsPerAddress): one
/// more is refused with 429 TOO_MANY_CONNECTIONS before it is accepted, whatever the connections do (signed in, or
/// not yet initialised), and logged as a refusal; a connection that ends makes room again.
/// </summary>
public sealed class WebSocketConnectionCapTests(WebSocketConnectionCapTests.Server server)
    : IClassFixture<WebSocketConnectionCapTests.Server>
{
    private const int Cap = 3; // as the server below is set

    [Fact]
    public async Task Past_the_cap_an_upgrade_is_429_and_a_closed_connection_makes_room()
    {
        var open = new List<WsClient>();
        try
        {
            for (var i = 0; i < Cap; i++)
            {
                open.Add(await WsClient.ConnectAsync(server.Address));
            }

            await open[0].InitAsync(server.Token("finance"));
            Assert.Equal("connection_ack", (await open[0].ReceiveAsync())!.Value.GetProperty("type").GetString());

            using var http = new HttpClient { BaseAddress = server.Address };
            var purpose = AccessLogProbe.NewPurpose("ws-cap");
            using var upgrade = WsClient.UpgradeRequest("graphql-transport-ws", purpose);
            using var refused = await http.SendAsync(upgrade);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            using var body = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            var extensions = body.RootElement.GetProperty("errors")[0].GetProperty("extensions");
            Assert.Equal("TOO_MANY_CONNECTIONS", extensions.GetProperty("code").GetString());
            Assert.Equal(Cap, extensions.GetProperty("limit").GetInt32());
            WebSocketRefusalLogTests.AssertRefused(
                await server.EntryAsync(purpose), 429, "TOO_MANY_CONNECTIONS", AccessOutcome.Limited);

            await open[1].DisposeAsync();
            open.RemoveAt(1);
            var connections = server.Services.GetRequiredService<OpenConnections>();
            for (var wait = 0; connections.Count("127.0.0.1") >= Cap && wait < 100; wait++)
            {
                await Task.Delay(50);
            }

            open.Add(await WsClient.ConnectAsync(server.Address));
            await open[^1].InitAsync(server.Token("tax"));
            Assert.Equal("connection_ack", (await open[^1].ReceiveAsync())!.Value.GetProperty("type").GetString());
        }
        finally
        {
            foreach (var client in open)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>The WebSocket test server with room for three connections from one address.</summary>
    public sealed class Server() : WebSocketServer(new Dictionary<string, string>
    {
        ["GraphQL:WebSockets:MaxConnectionsPerAddress"] = "3",
    });
}
