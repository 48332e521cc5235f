using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Audit;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// A WebSocket refusal that closes the connection, or refuses its upgrade, is a request refused as over HTTP, and
/// leaves one entry: its outcome as the HTTP path classifies the same refusal, the close code (or HTTP status) the
/// client got, the error code, no credit codes. They left none: a bad token at connection_init was not in the log.
/// </summary>
public sealed class WebSocketRefusalLogTests(WebSocketServer server) : IClassFixture<WebSocketServer>
{
    public static TheoryData<string, int, string, AccessOutcome> Closes => new()
    {
        { "{\"type\":\"connection_init\",\"payload\":{\"token\":\"not-a-jwt\"}}", 4403, "INVALID_TOKEN",
            AccessOutcome.Unauthorised },
        { "{\"type\":\"connection_init\",\"payload\":{\"token\":5}}", 4403, "INVALID_TOKEN",
            AccessOutcome.Unauthorised },
        { "{\"type\":\"connection_init\",\"payload\":[1]}", 4400, "INVALID_REQUEST", AccessOutcome.ValidationError },
        { "not json", 4400, "INVALID_JSON", AccessOutcome.ValidationError },
        { "{\"type\":\"next\",\"id\":\"1\"}", 4400, "INVALID_MESSAGE", AccessOutcome.ValidationError },
        { "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\"}}", 4401,
            "CONNECTION_NOT_INITIALISED", AccessOutcome.Unauthorised },
        { new string('x', 5000), 1009, "REQUEST_TOO_LARGE", AccessOutcome.Limited },
    };

    [Theory]
    [MemberData(nameof(Closes))]
    public async Task A_message_that_closes_the_connection_leaves_one_entry(
        string message, int close, string code, AccessOutcome outcome)
    {
        var purpose = AccessLogProbe.NewPurpose("ws-close");
        await using var client = await WsClient.ConnectAsync(server.Address, purpose: purpose);
        await client.SendAsync(message);
        Assert.Equal(close, (await client.ClosedAsync()).Code);

        AssertRefused(await server.EntryAsync(purpose), close, code, outcome);
    }

    [Fact]
    public async Task A_valid_token_of_a_department_without_policy_is_logged_as_that_department()
    {
        var purpose = AccessLogProbe.NewPurpose("ws-stranger");
        await using var client = await WsClient.ConnectAsync(server.Address, purpose: purpose);
        await client.InitAsync(server.Token("marketing"));
        Assert.Equal(4403, (await client.ClosedAsync()).Code);

        var entry = await server.EntryAsync(purpose);
        Assert.Equal(("marketing", "ws-test", "UNKNOWN_DEPARTMENT"),
            (entry.Department, entry.Subject, entry.ErrorCode));
    }

    [Fact]
    public async Task A_binary_message_and_a_second_init_each_leave_one_entry()
    {
        var purpose = AccessLogProbe.NewPurpose("ws-binary");
        await using (var binary = await WsClient.ConnectAsync(server.Address, purpose: purpose))
        {
            await binary.SendAsync([1, 2, 3], WebSocketMessageType.Binary);
            Assert.Equal(4400, (await binary.ClosedAsync()).Code);
        }

        AssertRefused(await server.EntryAsync(purpose), 4400, "BINARY_MESSAGE", AccessOutcome.ValidationError);

        purpose = AccessLogProbe.NewPurpose("ws-second-init");
        await using var twice = await WsClient.ConnectAsync(server.Address, purpose: purpose);
        await twice.InitAsync(server.Token("finance"));
        _ = await twice.ReceiveAsync();
        await twice.InitAsync(server.Token("finance"));
        Assert.Equal(4429, (await twice.ClosedAsync()).Code);
        var entry = await server.EntryAsync(purpose);
        AssertRefused(entry, 4429, "TOO_MANY_INITIALISATIONS", AccessOutcome.ValidationError);
        Assert.Equal("finance", entry.Department);
    }

    [Fact]
    public async Task A_connection_that_never_initialises_leaves_one_entry()
    {
        var purpose = AccessLogProbe.NewPurpose("ws-silent");
        await using var client = await WsClient.ConnectAsync(server.Address, purpose: purpose);
        Assert.Equal(4408, (await client.ClosedAsync()).Code);
        AssertRefused(await server.EntryAsync(purpose), 4408, "CONNECTION_INIT_TIMEOUT", AccessOutcome.ValidationError);
    }

    /// <summary>The second subscribe under a running operation's id: refused with its own document, by whom.</summary>
    [Fact]
    public async Task A_duplicate_operation_id_is_logged_with_the_refused_document()
    {
        var purpose = AccessLogProbe.NewPurpose("ws-duplicate");
        await using var client = await WsClient.ConnectAsync(server.Address, purpose: purpose);
        await client.InitAsync(server.Token("finance"));
        _ = await client.ReceiveAsync();
        await ChangeSubscriptionTests.SubscribeFromNowAsync(client, "same", "subscription { changes { cursor } }");
        const string second = "subscription Again { changes { kind } }";
        await client.SendAsync(JsonSerializer.Serialize(new { id = "same", type = "subscribe",
            payload = new { query = second, operationName = "Again" } }));
        Assert.Equal(4409, (await client.ClosedAsync()).Code);

        var refused = Assert.Single(await server.EntriesAsync(purpose), e => e.ErrorCode is not null);
        AssertRefused(refused, 4409, "OPERATION_ID_IN_USE", AccessOutcome.ValidationError);
        Assert.Equal(("finance", "Again", AccessLogProbe.Sha256(second)),
            (refused.Department, refused.OperationName, refused.DocumentSha256));
        Assert.EndsWith(":same", refused.RequestId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("graphql-ws")]
    [InlineData(null)]
    public async Task An_upgrade_refused_for_its_subprotocol_leaves_one_entry(string? subProtocol)
    {
        var purpose = AccessLogProbe.NewPurpose("ws-upgrade");
        await using var client = await WsClient.ConnectAsync(server.Address, subProtocol: subProtocol,
            purpose: purpose);
        Assert.Equal(4406, (await client.ClosedAsync()).Code);

        AssertRefused(await server.EntryAsync(purpose), 4406, "UNSUPPORTED_WEBSOCKET_PROTOCOL",
            AccessOutcome.ValidationError);
    }

    /// <summary>
    /// A subscribe refused for its payload's shape is logged with what it sent, as the same request over HTTP: the
    /// operation name (sent, or its document's one operation's) and the hashes of document and variables.
    /// </summary>
    [Theory]
    [InlineData("""{"operationName":"WsPQ","extensions":{"persistedQuery":{"version":1}},"variables":{"a":1}}""",
        "WsPQ", null, """{"a":1}""")]
    [InlineData("""{"query":"subscription WsS { changes { cursor } }","variables":"{}"}""", "WsS",
        "subscription WsS { changes { cursor } }", "\"{}\"")]
    [InlineData("""{"operationName":"WsRelay","id":"abc"}""", "WsRelay", null, null)]
    public async Task A_subscribe_refused_for_its_payload_is_logged_with_what_it_sent(
        string payload, string operationName, string? document, string? variables)
    {
        var purpose = AccessLogProbe.NewPurpose("ws-sent");
        await using var client = await WsClient.ConnectAsync(server.Address, purpose: purpose);
        await client.InitAsync(server.Token("samr-jiaxing"));
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        await client.SendAsync($$"""{"id":"s1","type":"subscribe","payload":{{payload}}}""");
        Assert.Equal(4400, (await client.ClosedAsync()).Code);

        var entry = await server.EntryAsync(purpose);
        Assert.Equal(operationName, entry.OperationName);
        Assert.Equal(document is null ? null : AccessLogProbe.Sha256(document), entry.DocumentSha256);
        Assert.Equal(variables is null ? null : AccessLogProbe.Sha256(variables), entry.VariablesSha256);
    }

    internal static void AssertRefused(AccessLogEntry entry, int status, string code, AccessOutcome outcome)
    {
        Assert.Equal((outcome, status, code), (entry.Outcome, entry.Status, entry.ErrorCode));
        Assert.Equal((0, ""), (entry.CodeCount, entry.FieldGroups));
        Assert.Empty(entry.Codes);
        Assert.False(string.IsNullOrEmpty(entry.RequestId));
    }
}
