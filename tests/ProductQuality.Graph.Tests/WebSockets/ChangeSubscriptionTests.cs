using System.Net.Http.Json;
using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// The change feed pushed over WebSocket: a partner subscribed over graphql-transport-ws receives a change as soon as
/// the regulator's write commits, with the cursor to resume from; subscribing again from an older cursor delivers
/// what was committed meanwhile first; the npm graphql-ws client receives events unchanged.
/// </summary>
public sealed class ChangeSubscriptionTests(WebSocketServer server) : IClassFixture<WebSocketServer>
{
    internal const string Subscription =
        "subscription($after: String) { changes(after: $after) { cursor kind creditCode oldValue newValue } }";

    [Fact]
    public async Task A_committed_change_is_pushed_to_a_subscribed_partner_with_its_cursor()
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token("finance"));
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        await SubscribeFromNowAsync(client, "feed");

        var listed = await ListAsync("913304021LBWPK6UM1", "0001");
        var change = await NextChangeForAsync(client, listed);
        Assert.False(string.IsNullOrEmpty(change.GetProperty("cursor").GetString()));
    }

    [Fact]
    public async Task Subscribing_from_an_older_cursor_delivers_what_was_committed_meanwhile_first()
    {
        string cursor;
        await using (var first = await WsClient.ConnectAsync(server.Address))
        {
            await first.InitAsync(server.Token("finance"));
            _ = await first.ReceiveAsync();
            await SubscribeFromNowAsync(first, "a");
            var listed = await ListAsync("913304021DJJJKNYX4", "0002");
            cursor = (await NextChangeForAsync(first, listed)).GetProperty("cursor").GetString()!;
        }

        var missed = await ListAsync("913304021E53XBXCJD", "0003");   // committed while nobody listened
        await using var again = await WsClient.ConnectAsync(server.Address);
        await again.InitAsync(server.Token("finance"));
        _ = await again.ReceiveAsync();
        await again.SendAsync(JsonSerializer.Serialize(new
        {
            id = "b", type = "subscribe", payload = new { query = Subscription, variables = new { after = cursor } },
        }));
        await NextChangeForAsync(again, missed);
    }

    [GraphQLWsClientFact]
    public async Task The_graphql_ws_client_receives_a_pushed_change()
    {
        var run = GraphQLWsClient.RunAsync(server.Address, server.Token("finance"), Subscription);
        await Task.Delay(TimeSpan.FromSeconds(3));   // the client connects and subscribes from now
        await ListAsync("913304021M76Q7GFLU", "0004");
        var (exit, events, error) = await run;
        Assert.True(exit == 0, error);
        var change = JsonDocument.Parse(Assert.Single(events)).RootElement.GetProperty("data").GetProperty("changes");
        Assert.Equal("913304021M76Q7GFLU", change.GetProperty("creditCode").GetString());
    }

    /// <summary>Lists an enterprise on the blacklist as the city regulator; its credit code.</summary>
    private Task<string> ListAsync(string creditCode, string number) => ListAsync(server, creditCode, number);

    internal static async Task<string> ListAsync(TestServerFactory server, string creditCode, string number)
    {
        using var regulator = server.ClientFor("samr-jiaxing");
        using var response = await regulator.PostAsJsonAsync("/graphql", new
        {
            query = "mutation($input: RecordBlacklistDecisionInput!) { recordBlacklistDecision(input: $input) "
                + "{ replayed } }",
            variables = new
            {
                input = new
                {
                    idempotencyKey = "ws-feed-" + number, creditCode, action = "LIST",
                    decisionNumber = "WS-FEED-" + number, decidedOn = "2026-11-27", reason = "WebSocket feed test",
                    reasonCategory = "COUNTERFEITING",
                },
            },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\"errors\"", body, StringComparison.Ordinal);
        return creditCode;
    }

    /// <summary>
    /// Subscribes "from now" and waits until now has been fixed: a subscription without a cursor starts at the feed's
    /// head when the server receives it, so a write sent before that may come earlier and never be pushed. The server
    /// reads the head as it receives the subscribe, in order with the connection's other messages (the operation then
    /// starts beside them), so its pong to a ping sent after the subscribe says the head has been read (without this
    /// the test failed once in a CI run, waiting 30 s for an event it had missed).
    /// </summary>
    internal static async Task SubscribeFromNowAsync(WsClient client, string id, string query = Subscription)
    {
        var subscribe = new { id, type = "subscribe", payload = new { query } };
        await client.SendAsync(JsonSerializer.Serialize(subscribe));
        await client.SendAsync("""{"type":"ping"}""");
        while (true)
        {
            var message = await client.ReceiveAsync();
            Assert.True(message is not null, $"closed: {client.CloseStatus} {client.CloseReason}");
            if (message.Value.GetProperty("type").GetString() == "pong")
            {
                return;
            }
        }
    }

    private static async Task<JsonElement> NextChangeForAsync(WsClient client, string creditCode)
    {
        while (true)
        {
            var message = await client.ReceiveAsync();
            Assert.True(message is not null, $"closed: {client.CloseStatus} {client.CloseReason}");
            Assert.Equal("next", message.Value.GetProperty("type").GetString());
            var change = message.Value.GetProperty("payload").GetProperty("data").GetProperty("changes");
            if (change.GetProperty("creditCode").GetString() == creditCode)
            {
                return change;
            }
        }
    }
}
