using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Tests.Data;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// A query over graphql-ws holds one database connection for its statements and closes it when it has run, as over
/// HTTP (<see cref="HeldConnectionTests"/>).
/// </summary>
public sealed class HeldConnectionOverWebSocketTests(HeldConnectionOverWebSocketTests.Server server)
    : IClassFixture<HeldConnectionOverWebSocketTests.Server>
{
    [Fact]
    public async Task A_query_over_WebSocket_opens_one_connection_and_closes_it()
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token("samr-jiaxing"));
        Assert.Equal("connection_ack", (await client.ReceiveAsync())?.GetProperty("type").GetString());
        var code = (await RunAsync(client, "c", "{ enterprises(first: 1) { items { creditCode } } }", null))
            .GetProperty("enterprises").GetProperty("items")[0].GetProperty("creditCode").GetString();

        var before = server.Counts.Snapshot();
        for (var i = 0; i < 3; i++)
        {
            var data = await RunAsync(client, "s" + i, HeldConnectionTests.Status, new { code });
            Assert.Equal(code, data.GetProperty("enterprise").GetProperty("creditCode").GetString());
        }

        var during = server.Counts.Snapshot() - before;
        Assert.True(during.Statements >= 9, $"{during.Statements} statements in 3 queries");
        Assert.Equal(3, during.Openings);
        Assert.Equal(3, during.Closings);
    }

    // Subscribes, returns the one result's data, and reads the complete that follows it.
    private static async Task<JsonElement> RunAsync(WsClient client, string id, string query, object? variables)
    {
        await client.SendAsync(
            JsonSerializer.Serialize(new { id, type = "subscribe", payload = new { query, variables } }));
        var next = await client.ReceiveAsync() ?? throw new InvalidOperationException("closed");
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("complete", (await client.ReceiveAsync())?.GetProperty("type").GetString());
        return next.GetProperty("payload").GetProperty("data");
    }

    /// <summary>A server of its own, its EF interceptors counting connections; no access log writing beside.</summary>
    public sealed class Server() : WebSocketServer(new Dictionary<string, string> { ["AccessLog:Enabled"] = "false" })
    {
        public ConnectionCounts Counts { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IInterceptor>(Counts));
        }
    }
}
