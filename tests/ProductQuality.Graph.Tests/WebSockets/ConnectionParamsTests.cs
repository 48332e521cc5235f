using System.Net.WebSockets;
using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// What third-party clients put in <c>connection_init</c> and how they close (found with graphql-ws, Apollo's
/// GraphQLWsLink and the ws library): a purpose from a browser, which cannot set headers on the upgrade; a token
/// wrapped in <c>headers</c>; and a close from the client's side, which the server must answer with its own.
/// </summary>
public sealed class ConnectionParamsTests(WebSocketServer server) : IClassFixture<WebSocketServer>
{
    private const string Query = "{ enterprises(first: 1) { totalCount } }";

    public static TheoryData<string> PurposePayloads => new()
    {
        """{"Authorization":"Bearer {token}","X-Purpose":"loan-review"}""",
        """{"token":"{token}","purpose":"loan-review"}""",
        """{"headers":{"Authorization":"Bearer {token}","X-Purpose":"loan-review"}}""",
        // Names in any case, as header names are: these signed in as the public without a word (the probe of recent
        // changes), and the first query failed on a field the public does not have.
        """{"AUTHORIZATION":"Bearer {token}","PURPOSE":"loan-review"}""",
        """{"Token":"{token}","Purpose":"loan-review"}""",
        """{"accessToken":"{token}","x-purpose":"loan-review"}""",
        """{"access_token":"{token}","X-PURPOSE":"loan-review"}""",
        """{"headers":{"AUTHORIZATION":"Bearer {token}","x-PURPOSE":"loan-review"}}""",
    };

    /// <summary>
    /// A department that must state a purpose could subscribe only from a client that sets X-Purpose on the upgrade,
    /// which no browser can: the payload's purpose was ignored and every operation refused PURPOSE_REQUIRED.
    /// </summary>
    [Theory]
    [MemberData(nameof(PurposePayloads))]
    public async Task A_purpose_in_the_payload_is_the_connections_purpose_and_is_logged(string payload)
    {
        var tax = WebSocketServer.PurposeRequiredDepartment;
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.SendAsync("{\"type\":\"connection_init\",\"payload\":"
            + payload.Replace("{token}", server.Token(tax), StringComparison.Ordinal) + "}");
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());

        var id = "why-" + Guid.NewGuid().ToString("N")[..8];
        await client.SendAsync(
            JsonSerializer.Serialize(new { id, type = "subscribe", payload = new { query = Query } }));
        var next = (await client.ReceiveAsync())!.Value;
        Assert.True(next.GetProperty("type").GetString() == "next", next.ToString());
        Assert.True(next.GetProperty("payload").TryGetProperty("data", out _), next.ToString());

        var reply = (await server.ClientFor("samr-jiaxing").PostAsync($$"""
            { accessLog(filter: { department: "{{tax}}", purpose: "loan-review" }, first: 100) {
                edges { node { requestId outcome } } } }
            """)).EnsureData();
        Assert.Contains(reply.Data.GetProperty("accessLog").GetProperty("edges").EnumerateArray(),
            e => e.GetProperty("node").GetProperty("requestId").GetString()!
                    .EndsWith(":" + id, StringComparison.Ordinal)
                && e.GetProperty("node").GetProperty("outcome").GetString() == "OK");
    }

    [Theory]
    [InlineData("""{"X-Purpose":"loan review"}""", "payload.X-Purpose: X-Purpose may hold only")]
    [InlineData("""{"purpose":42}""", "payload.purpose must be a string")]
    [InlineData("""{"headers":{"X-Purpose":""}}""", "payload.headers.X-Purpose: X-Purpose must be 1 to 128")]
    // The member that is no string is named whatever the order (the re-probe: "… is 'a' but payload.purpose is '5'").
    [InlineData("""{"purpose":5,"x-purpose":"a"}""", "payload.purpose must be a string")]
    [InlineData("""{"purpose":"a","x-purpose":5}""", "payload.x-purpose must be a string")]
    public async Task A_malformed_purpose_in_the_payload_closes_with_4400_and_says_why(string payload, string reason)
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.SendAsync("{\"type\":\"connection_init\",\"payload\":" + payload + "}");
        var (code, said) = await client.ClosedAsync();
        Assert.Equal(4400, code);
        Assert.StartsWith("INVALID_PURPOSE: " + reason, said, StringComparison.Ordinal);
    }

    /// <summary>
    /// A malformed X-Purpose on the upgrade itself was acknowledged, and then every operation of the connection was
    /// refused one by one (the protocol probe): graphql-ws clients retry such errors without end.
    /// </summary>
    [Theory]
    [InlineData("loan review", "the upgrade's X-Purpose header: X-Purpose may hold only")]
    [InlineData("201 letters", "the upgrade's X-Purpose header: X-Purpose must be 1 to 128")]
    public async Task A_malformed_purpose_on_the_upgrade_closes_with_4400_at_connection_init(
        string purpose, string reason)
    {
        await using var client = await WsClient.ConnectAsync(server.Address,
            purpose: purpose == "201 letters" ? new string('a', 201) : purpose);
        await client.InitAsync(server.Token("finance"));
        var (code, said) = await client.ClosedAsync();
        Assert.Equal(4400, code);
        Assert.StartsWith("INVALID_PURPOSE: " + reason, said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_purpose_in_the_payload_that_differs_from_the_upgrades_header_is_refused()
    {
        await using var client = await WsClient.ConnectAsync(server.Address, purpose: "audit-2026");
        await client.SendAsync("""{"type":"connection_init","payload":{"purpose":"loan-review"}}""");
        var (code, said) = await client.ClosedAsync();
        Assert.Equal(4400, code);
        Assert.Contains("the upgrade's X-Purpose header is 'audit-2026'", said, StringComparison.Ordinal);
    }

    /// <summary>
    /// Two places holding different purposes were settled by whichever the server looked at first, and the log recorded
    /// that one (the client probe: purpose, X-Purpose and headers.X-Purpose, and "beta" logged). The same purpose twice
    /// is one purpose.
    /// </summary>
    [Fact]
    public async Task Different_purposes_in_the_payload_are_refused_and_one_purpose_twice_is_taken()
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.SendAsync("""{"type":"connection_init","payload":{"purpose":"alpha","X-Purpose":"beta"}}""");
        var (code, said) = await client.ClosedAsync();
        Assert.Equal(4400, code);
        Assert.StartsWith("INVALID_PURPOSE: payload.X-Purpose is 'beta' but payload.purpose is 'alpha'", said,
            StringComparison.Ordinal);

        await using var same = await WsClient.ConnectAsync(server.Address);
        await same.SendAsync(JsonSerializer.Serialize(new
        {
            type = "connection_init",
            payload = new Dictionary<string, object>
            {
                ["token"] = server.Token("finance"), ["purpose"] = "alpha",
                ["headers"] = new Dictionary<string, string> { ["X-Purpose"] = "alpha" },
            },
        }));
        Assert.Equal("connection_ack", (await same.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    /// <summary>
    /// Two different tokens in one connection_init, or one there and another on the upgrade, ran the connection as
    /// whichever came first (the client probe: finance with a broken token beside it; tax on the upgrade, finance in
    /// the payload): refused as two Authorization headers are over HTTP. The same token twice is one token.
    /// </summary>
    [Theory]
    [InlineData("payload", "payload.Authorization and payload.headers.Authorization hold different tokens")]
    [InlineData("token and authToken", "payload.token and payload.authToken hold different tokens")]
    [InlineData("upgrade", "payload.token and the upgrade's Authorization header hold different tokens")]
    public async Task Two_different_tokens_are_refused(string where, string said)
    {
        var (finance, tax) = (server.Token("finance"), server.Token("tax"));
        await using var client = await WsClient.ConnectAsync(server.Address, bearer: where == "upgrade" ? tax : null);
        object payload = where switch
        {
            "payload" => new { Authorization = "Bearer " + finance, headers = new { Authorization = "Bearer x.y.z" } },
            "token and authToken" => new { token = finance, authToken = tax },
            _ => new { token = finance },
        };
        await client.SendAsync(JsonSerializer.Serialize(new { type = "connection_init", payload }));
        var (code, reason) = await client.ClosedAsync();
        Assert.Equal(4403, code);
        Assert.StartsWith("INVALID_AUTHORIZATION: " + said, reason, StringComparison.Ordinal);

        await using var same = await WsClient.ConnectAsync(server.Address, bearer: finance);
        await same.SendAsync(JsonSerializer.Serialize(new
        {
            type = "connection_init",
            payload = new { token = finance, headers = new { Authorization = "Bearer " + finance } },
        }));
        Assert.Equal("connection_ack", (await same.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    /// <summary>
    /// The upgrade's headers beside a payload token: an empty one is no token; two are refused as two, not as
    /// "different tokens" when both hold the payload's (the re-probe).
    /// </summary>
    [Theory]
    [InlineData(new[] { "" }, null)]
    [InlineData(new[] { "Bearer T", "Bearer T" }, "the upgrade has 2 Authorization headers besides payload.token")]
    [InlineData(new[] { "Bearer other" }, "payload.token and the upgrade's Authorization header hold different")]
    [InlineData(new[] { "bearer  T " }, null)]
    public void The_upgrades_headers_beside_a_payload_token(string[] headers, string? refused)
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.Headers.Authorization = headers;
        using var payload = JsonDocument.Parse("""{"token":"T"}""");

        var (authorization, problem) = Graph.Infrastructure.WebSockets.ConnectionToken.From(
            payload.RootElement, http.Request);

        if (refused is null)
        {
            Assert.Null(problem);
            Assert.Equal("Bearer T", authorization.ToString());
        }
        else
        {
            Assert.Contains(refused, problem!.Reason, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// connectionParams: { headers: { Authorization } } connected as the public, and the first query failed on a
    /// field the public does not have (FIELDS_ON_CORRECT_TYPE), with nothing pointing at the token. The member's name
    /// in any case, as the names in it are: "Headers" was passed over too (the probe of recent changes).
    /// </summary>
    [Theory]
    [InlineData("headers")]
    [InlineData("Headers")]
    [InlineData("HEADERS")]
    public async Task A_token_wrapped_in_headers_signs_the_connection_in(string member)
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.SendAsync("{\"type\":\"connection_init\",\"payload\":{\"" + member
            + "\":{\"Authorization\":\"Bearer " + server.Token("finance") + "\"}}}");
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        await client.SendAsync(
            JsonSerializer.Serialize(new { id = "q", type = "subscribe", payload = new { query = Query } }));
        var next = (await client.ReceiveAsync())!.Value;
        Assert.True(next.GetProperty("payload").GetProperty("data").GetProperty("enterprises")
            .GetProperty("totalCount").GetInt32() > 0, next.ToString());

        await using var refused = await WsClient.ConnectAsync(server.Address);
        await refused.SendAsync("""{"type":"connection_init","payload":{"headers":{"Authorization":"Bearer x"}}}""");
        var (code, said) = await refused.ClosedAsync();
        Assert.Equal(4403, code);
        Assert.StartsWith("INVALID_TOKEN", said, StringComparison.Ordinal);
    }

    /// <summary>
    /// A headers member that is no object (the header's value itself, an array of them) was skipped, and the
    /// connection served as the public (the third-party clients probe): refused as a token member holding no token
    /// is. A null one is no headers, as no member.
    /// </summary>
    [Theory]
    [InlineData("\"Bearer {token}\"")]
    [InlineData("[\"Authorization\",\"Bearer {token}\"]")]
    [InlineData("42")]
    [InlineData("\"Bearer {token}\"", "Headers")]
    public async Task A_headers_member_that_is_no_object_is_refused_not_taken_for_the_public(
        string headers, string member = "headers")
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.SendAsync("{\"type\":\"connection_init\",\"payload\":{\"" + member + "\":"
            + headers.Replace("{token}", server.Token("finance"), StringComparison.Ordinal) + "}}");
        var (code, said) = await client.ClosedAsync();
        Assert.Equal(4403, code);
        Assert.StartsWith($"INVALID_TOKEN: payload.{member} must be an object holding the token: {{\"headers\": "
            + "{\"Authorization\": \"Bearer <JWT>\"}}", said, StringComparison.Ordinal);

        await using var none = await WsClient.ConnectAsync(server.Address);
        await none.SendAsync("""{"type":"connection_init","payload":{"headers":null}}""");
        Assert.Equal("connection_ack", (await none.ReceiveAsync())!.Value.GetProperty("type").GetString());
    }

    /// <summary>
    /// The server dropped the connection on a client's close without answering it, so every close from the client's
    /// side was abnormal (1006): graphql-ws's lazy client then retried its next operation with backoff (1.9 s, 3.4 s).
    /// </summary>
    [Theory]
    [InlineData(WebSocketCloseStatus.NormalClosure)]
    [InlineData(WebSocketCloseStatus.EndpointUnavailable)]
    public async Task A_close_from_the_client_is_answered_with_a_close(WebSocketCloseStatus status)
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token("finance"));
        _ = await client.ReceiveAsync();
        var (state, answered) = await client.CloseAsync(status);
        Assert.Equal((WebSocketState.Closed, status), (state, answered));
    }

    /// <summary>
    /// A token in the upgrade's address was ignored: the connection went on as the public (the protocol probe). The
    /// connection is refused at connection_init, as the request is over HTTP.
    /// </summary>
    [Fact]
    public async Task A_token_in_the_address_is_refused_at_connection_init()
    {
        await using var client = await WsClient.ConnectAsync(server.Address,
            "/graphql?token=" + server.Token("tax"));
        await client.InitAsync(null);
        var (code, reason) = await client.ClosedAsync();
        Assert.Equal(4403, code);
        // The way out first, whole within the reason's 123 bytes: it was cut off where the advice began.
        Assert.Equal("INVALID_AUTHORIZATION: token in the address ('token') is not read: send it in connection_init's "
            + "payload", reason);
    }

    /// <summary>
    /// A WebSocket client pointed at the bare host got a 302 it does not follow ("unexpected response 302": the
    /// protocol probe); it gets 404 saying where GraphQL over WebSocket is. So does one at any other address
    /// (/subscriptions, /graphql/ws), which was told where GraphQL over HTTP is (the third-party clients probe).
    /// </summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/ui")]
    [InlineData("/subscriptions")]
    [InlineData("/graphql/ws")]
    // Addresses that serve a page or a probe answered the upgrade with 200 and their body (the probe of recent
    // changes), which no WebSocket client reads.
    [InlineData("/map")]
    [InlineData("/health/live")]
    [InlineData("/metrics")]
    [InlineData("/graphql/schema.graphql")]
    public async Task An_upgrade_elsewhere_is_told_where_the_endpoint_is(string path)
    {
        using var http = new HttpClient { BaseAddress = server.Address };
        using var upgrade = WsClient.UpgradeRequest("graphql-transport-ws");
        upgrade.RequestUri = new Uri(path, UriKind.Relative);
        using var answer = await http.SendAsync(upgrade);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, answer.StatusCode);
        var said = await answer.Content.ReadAsStringAsync();
        Assert.Contains("GraphQL over WebSocket is at /graphql: connect to ws://<host>/graphql (wss:// behind TLS) "
            + "with the graphql-transport-ws subprotocol.", said, StringComparison.Ordinal);
        Assert.DoesNotContain("POST, or GET for queries", said, StringComparison.Ordinal);
    }
}
