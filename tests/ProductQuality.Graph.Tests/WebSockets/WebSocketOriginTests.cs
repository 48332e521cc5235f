using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Audit;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// Browsers apply no CORS to WebSockets, so the server checks the upgrade's Origin: a page of an origin that is not
/// the server's own nor listed in GraphQL:Cors:AllowedOrigins is closed with 4403 before anything is read, and
/// logged. A page of any site read a regulator's data over WebSocket with its user's token, and one tab held the
/// address's connections. Clients that are not browsers send no Origin and are not affected.
/// </summary>
public sealed class WebSocketOriginTests(WebSocketOriginTests.Server server)
    : IClassFixture<WebSocketOriginTests.Server>
{
    private const string Partner = "https://credit.example.gov.cn";

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("https://credit.example.gov.cn.evil.example.com")]
    [InlineData("https://CREDIT.example.gov.cn")]
    [InlineData("null")]
    [InlineData("http://localhost:1")]
    public async Task A_page_of_another_origin_is_closed_with_4403_and_logged(string origin)
    {
        var purpose = AccessLogProbe.NewPurpose("ws-origin");
        await using var client = await WsClient.ConnectAsync(server.Address, purpose: purpose, origin: origin);
        await client.InitAsync(server.Token("samr-jiaxing"));

        var (code, reason) = await client.ClosedAsync();
        Assert.Equal(4403, code);
        Assert.Contains("GraphQL:Cors:AllowedOrigins", reason, StringComparison.Ordinal);
        // The code starts the reason, as in every other refusal's: a client branches on it, not on the words.
        Assert.StartsWith("ORIGIN_NOT_ALLOWED: ", reason, StringComparison.Ordinal);
        WebSocketRefusalLogTests.AssertRefused(
            await server.EntryAsync(purpose), 4403, "ORIGIN_NOT_ALLOWED", AccessOutcome.Forbidden);
    }

    [Fact]
    public async Task The_server_s_own_pages_a_listed_origin_and_clients_without_an_origin_connect()
    {
        var own = new UriBuilder(server.Address) { Path = "" }.Uri.GetLeftPart(UriPartial.Authority);
        // An internationalised origin is listed as written and sent by the browser in punycode.
        foreach (var origin in new[] { own, Partner, "https://xn--bcher-kva.example", null })
        {
            await using var client = await WsClient.ConnectAsync(server.Address, origin: origin);
            await client.InitAsync(server.Token("finance"));
            Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        }
    }

    /// <summary>The WebSocket test server with one partner origin allowed.</summary>
    public sealed class Server() : WebSocketServer(new Dictionary<string, string>
    {
        ["GraphQL:Cors:AllowedOrigins:0"] = Partner,
        ["GraphQL:Cors:AllowedOrigins:1"] = "https://bücher.example",
    });
}
