using System.Net;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Audit;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// Over WebSocket as over HTTP, a connection refused before its caller is known — a token that does not sign in at
/// connection_init, an upgrade for another protocol — counts against the address's public rate, so an address
/// cannot try tokens or open refused connections without limit. Past the rate the close says when to try again
/// (1013, which graphql-ws clients retry after a wait), for the token and the upgrade alike; a department's own
/// token still connects.
/// </summary>
public sealed class WebSocketRefusalRateTests(WebSocketRefusalRateTests.Server server)
    : IClassFixture<WebSocketRefusalRateTests.Server>
{
    private const int PublicRate = 3; // as the server below is set

    [Fact]
    public async Task Refused_tokens_and_upgrades_count_against_the_address_and_past_its_rate_are_told_to_wait()
    {
        var purpose = AccessLogProbe.NewPurpose("ws-refusals");
        for (var i = 0; i < PublicRate; i++)
        {
            await using var refused = await WsClient.ConnectAsync(server.Address, purpose: purpose);
            await refused.InitAsync("not-a-jwt");
            Assert.Equal(4403, (await refused.ClosedAsync()).Code);
        }

        await using (var limited = await WsClient.ConnectAsync(server.Address, purpose: purpose))
        {
            await limited.InitAsync("not-a-jwt");
            var (code, reason) = await limited.ClosedAsync();
            Assert.Equal(1013, code);
            Assert.Matches("^RATE_LIMITED: .*retry after [0-9]+ s$", reason);
        }

        // An upgrade for another protocol is closed past the rate as a refused token is (it was a 429 before the
        // upgrade, which a browser's WebSocket cannot read).
        await using (var legacy = await WsClient.ConnectAsync(
            server.Address, subProtocol: "graphql-ws", purpose: purpose))
        {
            var (code, reason) = await legacy.ClosedAsync();
            Assert.Equal(1013, code);
            Assert.Matches("^RATE_LIMITED: .*retry after [0-9]+ s$", reason);
        }

        await using var department = await WsClient.ConnectAsync(server.Address);
        await department.InitAsync(server.Token("finance"));
        Assert.Equal("connection_ack", (await department.ReceiveAsync())!.Value.GetProperty("type").GetString());

        // Each refusal is one entry, as over HTTP, the limited ones too (they left none).
        var entries = await server.EntriesAsync(purpose);
        Assert.Equal(PublicRate + 2, entries.Count);
        foreach (var entry in entries.Take(PublicRate))
        {
            WebSocketRefusalLogTests.AssertRefused(entry, 4403, "INVALID_TOKEN", AccessOutcome.Unauthorised);
        }

        WebSocketRefusalLogTests.AssertRefused(entries[^2], 1013, "RATE_LIMITED", AccessOutcome.Limited);
        WebSocketRefusalLogTests.AssertRefused(entries[^1], 1013, "RATE_LIMITED", AccessOutcome.Limited);

        // Past the rate, refusals are logged one by one up to the rate again (three here), then only answered.
        for (var i = 0; i < 3; i++)
        {
            await using var again = await WsClient.ConnectAsync(server.Address, purpose: purpose);
            await again.InitAsync("not-a-jwt");
            Assert.Equal(1013, (await again.ClosedAsync()).Code);
        }

        Assert.Equal(PublicRate + 3, (await server.EntriesAsync(purpose)).Count);
    }

    /// <summary>The WebSocket test server with a public rate of three requests an hour.</summary>
    public sealed class Server() : WebSocketServer(new Dictionary<string, string>
    {
        ["Access:Public:Limits:RequestsPerWindow"] = "3",
        ["Access:Public:Limits:WindowSeconds"] = "3600",
    });
}
