using System.Text;
using System.Text.Json;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// Seeded random messages against the WebSocket endpoint: whatever arrives, the server answers with a protocol
/// message or closes with one of the protocol's codes and a reason — never an internal error (1011) or a dropped
/// socket — and afterwards still serves.
/// </summary>
public sealed class TransportWsFuzzTests(WebSocketServer server) : IClassFixture<WebSocketServer>
{
    private static readonly int[] ProtocolCodes = [4400, 4401, 4403, 4409, 4429, 1009];
    private static readonly string[] Types =
    [
        "connection_init", "ping", "pong", "subscribe", "complete", "next", "error", "connection_ack", "",
        "SUBSCRIBE",
    ];
    private static readonly string[] Queries =
    [
        "{ __typename }", "{ enterprises(first: 1) { totalCount } }", "subscription { x }", "mutation { x }",
        "{ enterprise(creditCode: \"913304831LXE3BD9A5\") { name } }", "{", "query Q($a: Int) { products { code } }",
        "{ enterprises(first: 100000) { totalCount } }", "fragment F on Query { ...F } { ...F }",
    ];

    [Fact]
    public async Task Random_messages_get_protocol_answers_or_protocol_closes_only()
    {
        var random = new Random(20261203);
        var token = server.Token("samr-jiaxing");
        var sent = 0;
        while (sent < 1500)
        {
            await using var client = await WsClient.ConnectAsync(server.Address);
            if (random.Next(4) > 0)
            {
                await client.InitAsync(token);
                _ = await client.ReceiveAsync();
            }

            for (var i = 0; i < 25 && sent < 1500; i++, sent++)
            {
                try
                {
                    await client.SendAsync(Message(random));
                }
                catch (System.Net.WebSockets.WebSocketException)
                {
                    break;   // the server closed while we were sending: the close is checked below
                }
            }

            try
            {
                await client.SendAsync("{\"type\":\"ping\"}");
            }
            catch (System.Net.WebSockets.WebSocketException)
            {
                // Closed by the server already: the close is checked below.
            }

            JsonElement? reply;
            do
            {
                reply = await client.ReceiveAsync();
            }
            while (reply is { } r && r.GetProperty("type").GetString() != "pong");

            if (reply is null)
            {
                Assert.True(client.CloseStatus is not null, "the socket was dropped without a close");
                Assert.Contains((int)client.CloseStatus!, ProtocolCodes);
                Assert.False(string.IsNullOrEmpty(client.CloseReason));
            }
        }

        await using var after = await WsClient.ConnectAsync(server.Address);
        await after.InitAsync(token);
        Assert.Equal("connection_ack", (await after.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    private static string Message(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                return RandomText(random, random.Next(0, 60));
            case 1:
                return "{\"type\":" + JsonSerializer.Serialize(Types[random.Next(Types.Length)]) + "}";
            default:
                var message = new Dictionary<string, object?>
                {
                    ["type"] = random.Next(5) == 0 ? random.Next() : Types[random.Next(Types.Length)],
                };
                if (random.Next(3) > 0)
                {
                    message["id"] = random.Next(6) == 0
                        ? RandomText(random, random.Next(0, 200))
                        : $"op{random.Next(5)}";
                }

                message["payload"] = random.Next(4) switch
                {
                    0 => null,
                    1 => RandomText(random, 20),
                    2 => new Dictionary<string, object?>
                    {
                        ["query"] = random.Next(8) == 0 ? random.Next() : Queries[random.Next(Queries.Length)],
                        ["variables"] = random.Next(3) == 0 ? "not an object" : new { a = random.Next() },
                    },
                    _ => new { Authorization = random.Next(2) == 0 ? "Bearer x.y.z" : RandomText(random, 10) },
                };
                return JsonSerializer.Serialize(message);
        }
    }

    private static string RandomText(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(10) switch
            {
                0 => '{',
                1 => '"',
                2 => (char)random.Next(0x4E00, 0x9FFF),
                3 => (char)random.Next(0, 32),
                _ => (char)random.Next(32, 127),
            });
        }

        return text.ToString();
    }
}
