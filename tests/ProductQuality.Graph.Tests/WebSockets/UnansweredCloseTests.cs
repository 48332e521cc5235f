using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Infrastructure.WebSockets;
using ProductQuality.Graph.Tests.Audit;
using ProductQuality.Graph.Tests.Changes;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// A close the server sends (a refusal, 4408, a token's expiry) that the client never answers (gone, stalled,
/// hostile). The server waited for the answer without bound, and only then stopped the connection's operations: a
/// 4409'd connection's subscription went on logging events as delivered although none was sent, and connections
/// closed with 4408 held their address's places (TOO_MANY_CONNECTIONS) for minutes (a probe). Operations now end
/// before the close goes out, and a client that does not answer it is let go after 3 s.
/// </summary>
public sealed class UnansweredCloseTests(UnansweredCloseTests.Server server)
    : IClassFixture<UnansweredCloseTests.Server>
{
    private const int Cap = 3; // as the server below is set

    [Fact]
    public async Task Connections_closed_4408_that_never_answer_give_their_places_back_within_seconds()
    {
        var silent = new List<WsClient>();
        try
        {
            // They send nothing and read nothing: the 4408 after the init timeout (2 s) is never answered.
            for (var i = 0; i < Cap; i++)
            {
                silent.Add(await WsClient.ConnectAsync(server.Address));
            }

            var connections = server.Services.GetRequiredService<OpenConnections>();
            var waited = Stopwatch.StartNew();
            while (connections.Count("127.0.0.1") > 0 && waited.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100);
            }

            // 2 s to the close and 3 s for its answer; the bound leaves room for a loaded machine.
            Assert.True(connections.Count("127.0.0.1") == 0,
                $"{connections.Count("127.0.0.1")} connections still open after {waited.Elapsed.TotalSeconds:0.0} s");
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(12), $"let go after {waited.Elapsed.TotalSeconds:0.0} s");

            // The close went out before the connection was let go, and the address may connect again.
            Assert.Equal(4408, (await silent[0].ClosedAsync()).Code);
            await using var again = await WsClient.ConnectAsync(server.Address);
            await again.InitAsync(server.Token("finance"));
            Assert.Equal("connection_ack", (await again.ReceiveAsync())!.Value.GetProperty("type").GetString());
        }
        finally
        {
            foreach (var client in silent)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task After_an_unanswered_4409_a_change_pushed_later_is_not_logged_as_delivered()
    {
        const string Watch = "subscription { changes { kind creditCode } }";
        var purpose = AccessLogProbe.NewPurpose("ws-unanswered");
        await using var client = await WsClient.ConnectAsync(server.Address, purpose: purpose);
        await client.InitAsync(server.Token("finance"));
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        await ChangeSubscriptionTests.SubscribeFromNowAsync(client, "watch", Watch);
        await RunningAsync(purpose);

        // Another connection watches the same feed: once it has the change, the closed one would have had it too.
        await using var witness = await WsClient.ConnectAsync(server.Address);
        await witness.InitAsync(server.Token("finance"));
        _ = await witness.ReceiveAsync();
        await ChangeSubscriptionTests.SubscribeFromNowAsync(witness, "w", Watch);

        await client.SendAsync(JsonSerializer.Serialize(new { id = "watch", type = "subscribe",
            payload = new { query = Watch } }));
        Assert.Equal(4409, (await client.ClosedAsync()).Code);   // read, and never answered

        var (code, _, _) = await server.EnterpriseAsync(7);
        await server.ListAsync("samr-jiaxing", code);
        var seen = false;
        while (!seen)
        {
            seen = IsEventOf(code, (await witness.ReceiveAsync())!.Value);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));   // the closed connection's delivery, had it gone on
        var entries = await server.EntriesAsync(purpose);
        var refusal = entries.FindIndex(e => e.ErrorCode == "OPERATION_ID_IN_USE");
        Assert.True(refusal >= 0, "the 4409 was not logged");
        Assert.DoesNotContain(entries, e => e.Codes.Any(c => c.CreditCode == code));
        Assert.DoesNotContain(entries.Skip(refusal + 1),
            e => e.RequestId.EndsWith(":watch", StringComparison.Ordinal));
    }

    /// <summary>Waits until the subscription's start is logged: it runs (a cold server takes a moment to start it).
    /// </summary>
    private async Task RunningAsync(string purpose)
    {
        var waited = Stopwatch.StartNew();
        while (!(await server.EntriesAsync(purpose)).Any(e => e.Status == 200))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the subscription did not start");
            await Task.Delay(50);
        }
    }

    private static bool IsEventOf(string code, JsonElement message) =>
        message.GetProperty("type").GetString() == "next"
        && message.GetProperty("payload").GetProperty("data").GetProperty("changes").GetProperty("creditCode")
            .GetString() == code;

    /// <summary>The WebSocket test server with room for three connections from one address.</summary>
    public sealed class Server() : WebSocketServer(new Dictionary<string, string>
    {
        ["GraphQL:WebSockets:MaxConnectionsPerAddress"] = "3",
    });
}
