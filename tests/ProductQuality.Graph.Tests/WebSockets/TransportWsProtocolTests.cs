using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Infrastructure.WebSockets;
using ProductQuality.Graph.Tests.Audit;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// GraphQL over WebSocket with the graphql-transport-ws protocol, message by message over a real socket: the
/// handshake and its token, ping/pong, operations answered with next/complete or error, and every protocol
/// violation closed with the protocol's code and a reason that says what was wrong.
/// </summary>
public sealed class TransportWsProtocolTests(WebSocketServer server) : IClassFixture<WebSocketServer>
{
    [Fact]
    public async Task A_department_connects_with_its_token_pings_and_runs_a_query()
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        Assert.Equal("graphql-transport-ws", client.SubProtocol);
        await client.InitAsync(server.Token("finance"));
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());

        await client.SendAsync("{\"type\":\"ping\"}");
        Assert.Equal("pong", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());

        await client.SendAsync("""
            {"id":"q1","type":"subscribe","payload":{"query":"{ enterprises(first: 2) { totalCount } }"}}
            """);
        var next = (await client.ReceiveAsync())!.Value;
        Assert.Equal(("q1", "next"), (next.GetProperty("id").GetString(), next.GetProperty("type").GetString()));
        Assert.True(next.GetProperty("payload").GetProperty("data").GetProperty("enterprises")
            .GetProperty("totalCount").GetInt32() > 0);
        var complete = (await client.ReceiveAsync())!.Value;
        Assert.Equal(
            ("q1", "complete"), (complete.GetProperty("id").GetString(), complete.GetProperty("type").GetString()));
    }

    [Theory]
    [InlineData("{ nope }", "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("{ enterprises(first: 2) { ", "SYNTAX_ERROR")]
    [InlineData("mutation { recordSampling(input: {}) { replayed } }", "OPERATION_NOT_SUPPORTED")]
    [InlineData("subscription { changes(kinds: []) { cursor } }", "INVALID_ARGUMENT")]
    public async Task A_refused_operation_is_answered_with_an_error_message_and_the_connection_stays(
        string query, string code)
    {
        await using var client = await ConnectedAsync("finance");
        await client.SendAsync(
            JsonSerializer.Serialize(new { id = "bad", type = "subscribe", payload = new { query } }));
        var error = (await client.ReceiveAsync())!.Value;
        Assert.Equal(("bad", "error"), (error.GetProperty("id").GetString(), error.GetProperty("type").GetString()));
        var codes = error.GetProperty("payload").EnumerateArray()
            .Select(e => e.GetProperty("extensions").GetProperty("code").GetString()).ToList();
        Assert.Contains(code, codes);

        await client.SendAsync("{\"type\":\"ping\"}");
        Assert.Equal("pong", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    /// <summary>
    /// The operation id is quoted in errors' requestId and in the access log: one holding a line break or a bidi
    /// override reached both as sent (a forged log line, a reordered report). It is refused, naming the character.
    /// </summary>
    [Theory]
    [InlineData("a\u0000\n\u202e", "U+0000 (a control character) at character 2")]
    [InlineData("op\n1", "U+000A (a control character) at character 3")]
    [InlineData("\u202eop", "U+202E (an invisible formatting character) at character 1")]
    [InlineData("op\u200b", "U+200B (an invisible formatting character)")]
    [InlineData("op\u2028", "U+2028 (a line separator)")]
    public async Task An_operation_id_that_is_not_printable_text_closes_with_4400_naming_the_character(
        string id, string named)
    {
        var purpose = AccessLogProbe.NewPurpose("ws-id");
        await using var client = await WsClient.ConnectAsync(server.Address, purpose: purpose);
        await client.InitAsync(server.Token("finance"));
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());

        await client.SendAsync(
            JsonSerializer.Serialize(new { type = "subscribe", id, payload = new { query = "{ nope }" } }));
        var (code, reason) = await client.ClosedAsync();
        Assert.Equal(4400, code);
        Assert.Contains(named, reason, StringComparison.Ordinal);

        var entry = await server.EntryAsync(purpose);
        WebSocketRefusalLogTests.AssertRefused(entry, 4400, "INVALID_MESSAGE", AccessOutcome.ValidationError);
        Assert.DoesNotContain(entry.RequestId, c => char.IsControl(c) || c is '\u202e' or '\u200b' or '\u2028');
    }

    [Fact]
    public async Task An_operation_id_of_printable_text_beyond_ASCII_is_answered_under_it()
    {
        await using var client = await ConnectedAsync("finance");
        await client.SendAsync(JsonSerializer.Serialize(
            new { id = "查询 1", type = "subscribe", payload = new { query = "{ __typename }" } }));
        var next = (await client.ReceiveAsync())!.Value;
        Assert.Equal(("查询 1", "next"), (next.GetProperty("id").GetString(), next.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task An_operation_id_is_limited_in_characters_not_UTF16_units()
    {
        // README: "1 to 128 characters"; 65 emoji (130 UTF-16 units) were refused (the wire probe).
        var emoji = string.Concat(Enumerable.Repeat("\uD83D\uDE00", 128));
        await using var client = await ConnectedAsync("finance");
        await client.SendAsync(JsonSerializer.Serialize(
            new { id = emoji, type = "subscribe", payload = new { query = "{ __typename }" } }));
        var next = (await client.ReceiveAsync())!.Value;
        Assert.Equal((emoji, "next"), (next.GetProperty("id").GetString(), next.GetProperty("type").GetString()));

        await using var over = await ConnectedAsync("finance");
        await over.SendAsync(JsonSerializer.Serialize(
            new { id = emoji + "x", type = "subscribe", payload = new { query = "{ __typename }" } }));
        var (code, reason) = await over.ClosedAsync();
        Assert.Equal(4400, code);
        Assert.Contains("1 to 128 characters", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mutation_stays_on_HTTP()
    {
        await using var client = await ConnectedAsync("samr-jiaxing");
        await client.SendAsync(JsonSerializer.Serialize(new
        {
            id = "m", type = "subscribe",
            payload = new
            {
                query = "mutation { overrideProductTier(input: { idempotencyKey: \"k\", productCode: \"P001\", "
                    + "expectedRevision: 0, reason: \"r\" }) { replayed } }",
            },
        }));
        var error = (await client.ReceiveAsync())!.Value;
        Assert.Equal("MUTATION_OVER_WEBSOCKET",
            error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_bad_token_is_refused_at_connection_init_with_4403_and_the_reason()
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync("not-a-jwt");
        var (code, reason) = await client.ClosedAsync();
        Assert.Equal(4403, code);
        Assert.StartsWith("INVALID_TOKEN", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_that_expires_closes_the_connection_with_4403()
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token("finance", TimeSpan.FromSeconds(3)));
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        var (code, reason) = await client.ClosedAsync();
        Assert.Equal(4403, code);
        Assert.Contains("expired", reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// The connection closes when its token stops passing, at its expiry plus the clock skew: closed at the expiry
    /// itself, a client reconnecting with the same token was let in (still within the skew) and closed again at once,
    /// round after round. Reconnecting after the close with the same token is refused at connection_init.
    /// </summary>
    [Fact]
    public async Task A_connection_closed_for_its_expired_token_cannot_be_reopened_with_it()
    {
        var token = server.Token("finance", TimeSpan.FromSeconds(2));
        await using (var client = await WsClient.ConnectAsync(server.Address))
        {
            await client.InitAsync(token);
            Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
            Assert.Equal(4403, (await client.ClosedAsync()).Code);
        }

        await using var again = await WsClient.ConnectAsync(server.Address);
        await again.InitAsync(token);
        var (code, reason) = await again.ClosedAsync();
        Assert.Equal(4403, code);
        Assert.StartsWith("INVALID_TOKEN", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_may_also_come_with_the_upgrade_request()
    {
        await using var client = await WsClient.ConnectAsync(server.Address, bearer: server.Token("tax"));
        await client.InitAsync(token: null);
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    public static TheoryData<string, int, string> Violations => new()
    {
        { "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\"}}", 4401, "Unauthorized" },
        { "not json", 4400, "valid JSON" },
        { "[1,2]", 4400, "JSON object" },
        { "{\"type\":42}", 4400, "string 'type'" },
        { "{\"type\":\"next\",\"id\":\"1\"}", 4400, "Unexpected message type 'next'" },
        { "{\"type\":\"subscribe\",\"id\":\"\"}", 4400, "'id'" },
        { "{\"type\":\"\\ud800\"}", 4400, "lone UTF-16 surrogate" },
        { "{\"id\":\"\\udc00\",\"type\":\"complete\"}", 4400, "lone UTF-16 surrogate" },
        { "{\"type\":\"ping\",\"type\":\"pong\"}", 4400, "'type'" },
        { "{\"type\":\"connection_init\",\"payload\":\"eyJhbGciOiJIUzI1NiJ9.e30.x\"}", 4400, "JSON object" },
        { "{\"type\":\"connection_init\",\"payload\":{\"token\":5}}", 4403, "INVALID_TOKEN: payload.token" },
        { "{\"type\":\"connection_init\",\"payload\":{\"token\":\"\"}}", 4403, "INVALID_TOKEN" },
        { "{\"type\":\"connection_init\",\"payload\":{\"token\":\"\\ud800\"}}", 4403, "INVALID_TOKEN" },
        { "{\"type\":\"connection_init\",\"payload\":{\"authToken\":[\"x\"]}}", 4403, "payload.authToken" },
        { "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer \"}}", 4403, "INVALID_TOKEN" },
        { "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Basic dXNlcjpwYXNz\"}}", 4403,
            "INVALID_AUTHORIZATION: payload.Authorization: only bearer tokens" },
        { "{\"type\":\"complete\"}", 4400, "needs the 'id'" },
        // Payloads of a shape the protocol does not specify close the connection, as graphql-ws's server does (they
        // were answered as an operation's error, or a pong, and a broken client ran on: the client probe).
        { "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":\"{ __typename }\"}", 4400, "needs a payload object" },
        { "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":5}}", 4400, "needs 'query'" },
        { "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ a }\",\"variables\":[1]}}", 4400,
            "payload.variables, when sent, must be a JSON object or null" },
        { "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ a }\",\"operationName\":1}}", 4400,
            "payload.operationName" },
        { "{\"type\":\"ping\",\"payload\":\"x\"}", 4400, "A ping message's payload, when sent, must be" },
        { "{\"type\":\"pong\",\"payload\":[1]}", 4400, "A pong message's payload" },
    };

    [Fact]
    public async Task A_null_token_is_no_token_and_the_connection_is_the_publics()
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.SendAsync("{\"type\":\"connection_init\",\"payload\":{\"token\":null}}");
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task A_protocol_violation_closes_with_its_code_and_says_why(string message, int code, string why)
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.SendAsync(message);
        var (closed, reason) = await client.ClosedAsync();
        Assert.Equal(code, closed);
        Assert.Contains(why, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_init_closes_with_4429()
    {
        await using var client = await ConnectedAsync("tax");
        await client.InitAsync(server.Token("tax"));
        Assert.Equal(4429, (await client.ClosedAsync()).Code);
    }

    [Fact]
    public async Task Without_connection_init_in_time_the_connection_closes_with_4408()
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        Assert.Equal(4408, (await client.ClosedAsync()).Code);
    }

    [Fact]
    public async Task Binary_and_oversized_messages_close_the_connection()
    {
        await using (var binary = await ConnectedAsync("tax"))
        {
            await binary.SendAsync([1, 2, 3], WebSocketMessageType.Binary);
            Assert.Equal(4400, (await binary.ClosedAsync()).Code);
        }

        await using var big = await ConnectedAsync("tax");
        await big.SendAsync("{\"type\":\"ping\",\"payload\":\"" + new string('x', 5000) + "\"}");
        var (code, reason) = await big.ClosedAsync();
        Assert.Equal(1009, code);
        Assert.Contains("4096", reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// Another subprotocol (the legacy subscriptions-transport-ws calls itself "graphql-ws"), or none, is accepted
    /// and closed at once with 4406 and the protocol to use, as graphql-ws's own server does: a browser's WebSocket
    /// cannot read an HTTP refusal, and refused with a 400 before the upgrade its client saw only a failed
    /// connection. The asked protocol is echoed, or a browser (and .NET's client) fails the handshake first.
    /// </summary>
    [Theory]
    [InlineData(null, "use 'graphql-transport-ws'")]
    [InlineData("graphql-ws", "the legacy 'graphql-ws' is not served; use 'graphql-transport-ws'")]
    [InlineData("mqtt", "use 'graphql-transport-ws'")]
    public async Task An_upgrade_for_another_protocol_is_closed_with_4406_naming_the_one_to_use(
        string? protocol, string named)
    {
        await using var client = await WsClient.ConnectAsync(server.Address, subProtocol: protocol);
        Assert.Equal(protocol, client.SubProtocol);
        var (code, reason) = await client.ClosedAsync();
        Assert.Equal(4406, code);
        Assert.StartsWith("Subprotocol not acceptable", reason, StringComparison.Ordinal);
        Assert.Contains(named, reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// A token offered as a further subprotocol (a browser cannot send Authorization) was dropped, and the
    /// connection served as the public: the caller saw "field not found" and looked for a fault in the token.
    /// </summary>
    [Theory]
    [InlineData("jwt")]
    [InlineData("Bearer", "jwt")]
    [InlineData("bearer.jwt")]
    [InlineData("base64url.bearer.authorization.k8s.io.jwt")]
    public async Task A_token_offered_as_a_subprotocol_is_closed_with_4406_saying_where_it_goes(params string[] more)
    {
        var token = server.Token("finance");
        var offered = more.Select(p => p.Replace("jwt", token, StringComparison.Ordinal)).ToList();
        await using var client = await WsClient.ConnectAsync(server.Address, moreSubProtocols: offered);

        Assert.Equal("graphql-transport-ws", client.SubProtocol);   // the token is never echoed
        var (code, reason) = await client.ClosedAsync();
        Assert.Equal(4406, code);
        Assert.StartsWith("Subprotocol not acceptable", reason, StringComparison.Ordinal);
        Assert.Contains("connection_init", reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// A token as the only subprotocol (new WebSocket(url, [token])) was told only to use graphql-transport-ws, not
    /// where the token goes (the probe of recent changes).
    /// </summary>
    [Fact]
    public async Task A_token_offered_as_the_only_subprotocol_is_told_where_it_goes()
    {
        await using var client = await WsClient.ConnectAsync(server.Address, subProtocol: server.Token("finance"));

        Assert.Null(client.SubProtocol);   // the token is never echoed
        var (code, reason) = await client.ClosedAsync();
        Assert.Equal(4406, code);
        Assert.Equal(SubprotocolCredential.Reason, reason);
    }

    [Fact]
    public async Task A_long_subprotocol_is_closed_with_a_short_reason()
    {
        await using var client = await WsClient.ConnectAsync(server.Address, subProtocol: new string('x', 5_000));
        var (code, reason) = await client.ClosedAsync();
        Assert.Equal(4406, code);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(reason), 1, 123);
    }

    [Fact]
    public async Task An_upgrade_of_another_websocket_version_is_426_naming_version_13()
    {
        using var http = new HttpClient { BaseAddress = server.Address };
        using var request = WsClient.UpgradeRequest("graphql-transport-ws");
        request.Headers.Remove("Sec-WebSocket-Version");
        request.Headers.Add("Sec-WebSocket-Version", "8");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal("13", response.Headers.GetValues("Sec-WebSocket-Version").Single());
        Assert.Contains("UNSUPPORTED_WEBSOCKET_VERSION", await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("c2hvcnQ=")]
    public async Task An_upgrade_without_a_proper_key_is_400_saying_what_a_handshake_needs(string key)
    {
        using var http = new HttpClient { BaseAddress = server.Address };
        using var request = WsClient.UpgradeRequest("graphql-transport-ws");
        request.Headers.Remove("Sec-WebSocket-Key");
        if (key.Length > 0)
        {
            request.Headers.Add("Sec-WebSocket-Key", key);
        }

        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("INVALID_WEBSOCKET_UPGRADE", body, StringComparison.Ordinal);
        Assert.Contains("Sec-WebSocket-Key", body, StringComparison.Ordinal);
    }

    private async Task<WsClient> ConnectedAsync(string department)
    {
        var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token(department));
        var ack = await client.ReceiveAsync();
        Assert.True(ack is not null, $"closed: {client.CloseStatus} {client.CloseReason}");
        Assert.Equal("connection_ack", ack.Value.GetProperty("type").GetString());
        return client;
    }
}
