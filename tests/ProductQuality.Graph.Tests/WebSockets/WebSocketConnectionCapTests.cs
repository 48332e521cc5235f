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

/// <summary>
/// A refusal for the address's connections counts against its public rate, as every refusal before the caller is
/// known does: it was written straight out, so a loop of upgrades was refused about 2,000 times a second, each one
/// logged, and never limited (the probe of recent changes).
/// </summary>
public sealed class WebSocketConnectionCapRateTests(WebSocketConnectionCapRateTests.Server server)
    : IClassFixture<WebSocketConnectionCapRateTests.Server>
{
    private const int PublicRate = 3; // as the server below is set

    [Fact]
    public async Task Refusals_for_the_cap_count_against_the_address_and_past_its_rate_are_429_rate_limited()
    {
        await using var held = await WsClient.ConnectAsync(server.Address);
        using var http = new HttpClient { BaseAddress = server.Address };
        var purpose = AccessLogProbe.NewPurpose("ws-cap-rate");
        var codes = new List<string>();
        for (var i = 0; i < PublicRate + 3; i++)
        {
            using var upgrade = WsClient.UpgradeRequest("graphql-transport-ws", purpose);
            using var refused = await http.SendAsync(upgrade);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            using var body = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            codes.Add(body.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code")
                .GetString()!);
            if (codes[^1] == "RATE_LIMITED")
            {
                Assert.True(refused.Headers.RetryAfter is not null, "a rate refusal says when to retry");
            }
        }

        Assert.Equal([.. Enumerable.Repeat("TOO_MANY_CONNECTIONS", PublicRate),
            .. Enumerable.Repeat("RATE_LIMITED", 3)], codes);
        // Logged one by one up to the rate, then as many again past it: all six here.
        Assert.Equal(PublicRate + 3, (await server.EntriesAsync(purpose)).Count);
    }

    /// <summary>One connection an address, a public rate of three an hour.</summary>
    public sealed class Server() : WebSocketServer(new Dictionary<string, string>
    {
        ["GraphQL:WebSockets:MaxConnectionsPerAddress"] = "1",
        ["Access:Public:Limits:RequestsPerWindow"] = "3",
        ["Access:Public:Limits:WindowSeconds"] = "3600",
    });
}
