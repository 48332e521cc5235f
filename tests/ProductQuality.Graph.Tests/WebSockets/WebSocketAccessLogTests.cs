using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Audit;
using ProductQuality.Graph.Tests.Changes;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// Operations over WebSocket are accounted for like HTTP requests: a subscription's start, every event it delivers
/// (with the credit codes the event returned) and a refused operation each have their access log entry, under the
/// connection's request id and the operation's id.
/// </summary>
public sealed class WebSocketAccessLogTests(WebSocketServer server) : IClassFixture<WebSocketServer>
{
    private const string Subscription = "subscription Watch { changes { cursor kind creditCode } }";

    [Fact]
    public async Task A_subscription_its_events_and_a_refused_operation_are_logged()
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token("finance"));
        _ = await client.ReceiveAsync();
        await client.SendAsync(JsonSerializer.Serialize(new { id = "bad", type = "subscribe",
            payload = new { query = "subscription { noSuchField }" } }));
        Assert.Equal("error", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        await ChangeSubscriptionTests.SubscribeFromNowAsync(client, "watch", Subscription);

        var listed = await ChangeSubscriptionTests.ListAsync(server, "913304021LBWPK6UM1", "0101");
        while (true)
        {
            var message = (await client.ReceiveAsync())!.Value;
            if (message.GetProperty("type").GetString() == "next" && message.GetProperty("payload")
                    .GetProperty("data").GetProperty("changes").GetProperty("creditCode").GetString() == listed)
            {
                break;
            }
        }

        var entries = await EntriesAsync();
        var events = entries.Where(e => e.RequestId.EndsWith(":watch", StringComparison.Ordinal)).ToList();
        Assert.Contains(events, e => e.Codes.Contains(listed) && e.Outcome == "OK");
        Assert.Contains(events, e => e.Codes.Count == 0 && e.Outcome == "OK");   // the subscription's start
        Assert.Contains(entries, e => e.RequestId.EndsWith(":bad", StringComparison.Ordinal)
            && e.Outcome == "VALIDATION_ERROR" && e.Codes.Count == 0);
    }

    [Fact]
    public async Task An_operation_sent_without_its_name_is_logged_under_its_document_s_one_operation()
    {
        // graphql-ws's client.subscribe({ query }) sends no operationName: HTTP logged the document's one operation's
        // name, WebSocket logged none (so an enterprise's tracker showed none either).
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token("finance"));
        _ = await client.ReceiveAsync();
        await client.SendAsync(JsonSerializer.Serialize(new { id = "unnamed", type = "subscribe",
            payload = new { query = "query NamedInDocument { __typename }" } }));
        Assert.Equal("next", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());

        var entry = (await EntriesAsync()).Single(e => e.RequestId.EndsWith(":unnamed", StringComparison.Ordinal));
        Assert.Equal("NamedInDocument", entry.Operation);
    }

    [Fact]
    public async Task Errors_over_the_socket_carry_the_request_id_of_their_log_entry()
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token("finance"));
        _ = await client.ReceiveAsync();
        await client.SendAsync(JsonSerializer.Serialize(new { id = "invalid", type = "subscribe",
            payload = new { query = "{ noSuchField }" } }));
        var invalid = (await client.ReceiveAsync())!.Value;
        await client.SendAsync(JsonSerializer.Serialize(new { id = "fielderror", type = "subscribe",
            payload = new { query = "{ enterprise(creditCode: \"not-a-code\") { name } }" } }));
        var fieldError = (await client.ReceiveAsync())!.Value;

        var logged = (await EntriesAsync()).Select(e => e.RequestId).ToHashSet();
        foreach (var (answer, type, path) in new[] { (invalid, "error", "payload"), (fieldError, "next", "errors") })
        {
            Assert.Equal(type, answer.GetProperty("type").GetString());
            var errors = type == "error"
                ? answer.GetProperty("payload")
                : answer.GetProperty("payload").GetProperty(path);
            var requestId = errors[0].GetProperty("extensions").GetProperty("requestId").GetString()!;
            Assert.EndsWith(":" + answer.GetProperty("id").GetString(), requestId, StringComparison.Ordinal);
            Assert.Contains(requestId, logged);
        }
    }

    [Fact]
    public async Task A_department_that_must_state_a_purpose_is_refused_without_one_and_that_is_logged()
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token(WebSocketServer.PurposeRequiredDepartment));
        _ = await client.ReceiveAsync();
        await client.SendAsync(JsonSerializer.Serialize(new { id = "why", type = "subscribe",
            payload = new { query = Subscription } }));
        var answer = (await client.ReceiveAsync())!.Value;
        Assert.Equal("error", answer.GetProperty("type").GetString());
        Assert.Equal("PURPOSE_REQUIRED",
            answer.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        // Where a browser can put it: no browser sets a header on a WebSocket (the access probe).
        Assert.Contains("connection_init's payload", answer.GetProperty("payload")[0].GetProperty("message")
            .GetString(), StringComparison.Ordinal);

        var reply = (await server.ClientFor("samr-jiaxing").PostAsync($$"""
            { accessLog(filter: { department: "{{WebSocketServer.PurposeRequiredDepartment}}" }, first: 10) {
                edges { node { requestId outcome errorCode } } } }
            """)).EnsureData();
        Assert.Contains(reply.Data.GetProperty("accessLog").GetProperty("edges").EnumerateArray(),
            e => e.GetProperty("node").GetProperty("requestId").GetString()!.EndsWith(":why", StringComparison.Ordinal)
                && e.GetProperty("node").GetProperty("outcome").GetString() == "FORBIDDEN");
    }

    /// <summary>
    /// A client that completes its subscription as soon as an event arrives: an event being delivered then was logged
    /// as returned and then dropped unsent (two entries with the code for one next, in three runs of five). Every
    /// event logged is sent, before the complete is taken; an event resolved after it is neither.
    /// </summary>
    [Fact]
    public async Task Completing_mid_stream_logs_exactly_the_events_sent()
    {
        for (var run = 0; run < 5; run++)
        {
            await using var client = await WsClient.ConnectAsync(server.Address);
            await client.InitAsync(server.Token("samr-jiaxing"));
            _ = await client.ReceiveAsync();
            var id = $"stop-{run}";
            await ChangeSubscriptionTests.SubscribeFromNowAsync(
                client, id, "subscription { changes { kind creditCode } }");

            var (code, _, _) = await server.EnterpriseAsync(120 + run);
            await server.ListAsync("samr-jiaxing", code);
            var sent = 0;
            while (sent == 0)
            {
                sent += IsEventOf(code, (await client.ReceiveAsync())!.Value) ? 1 : 0;
            }

            await client.SendAsync(JsonSerializer.Serialize(new { id, type = "complete" }));
            await client.SendAsync("""{"type":"ping"}""");
            for (var message = (await client.ReceiveAsync())!.Value;
                 message.GetProperty("type").GetString() != "pong";
                 message = (await client.ReceiveAsync())!.Value)
            {
                sent += IsEventOf(code, message) ? 1 : 0;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));   // an event resolved after the complete, if any
            var logged = await server.DbAsync(db => db.AccessLog.AsNoTracking()
                .CountAsync(e => e.RequestId.EndsWith(":" + id) && e.Codes.Any(c => c.CreditCode == code)));
            Assert.True(sent == logged, $"run {run}: {sent} events with {code} sent, {logged} logged");
        }
    }

    private static bool IsEventOf(string code, JsonElement message) =>
        message.GetProperty("type").GetString() == "next"
        && message.GetProperty("payload").GetProperty("data").GetProperty("changes").GetProperty("creditCode")
            .GetString() == code;

    [Fact]
    public async Task With_the_log_unwritable_no_data_leaves_over_the_socket()
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token("finance"));
        _ = await client.ReceiveAsync();
        await server.BreakStoreAsync(true);
        try
        {
            await client.SendAsync(JsonSerializer.Serialize(new { id = "q", type = "subscribe",
                payload = new { query = "{ enterprises(first: 2) { edges { node { name } } } }" } }));
            var answer = (await client.ReceiveAsync())!.Value;
            Assert.Equal("error", answer.GetProperty("type").GetString());
            Assert.Equal("ACCESS_LOG_UNAVAILABLE",
                answer.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        }
        finally
        {
            await server.BreakStoreAsync(false);
        }
    }

    /// <summary>
    /// A query whose entry waited past the commit wait (the database held by another process) ends with
    /// ACCESS_LOG_UNAVAILABLE, and its entry, stored once the lock is gone, says so: no codes, no field groups (it
    /// said 200 OK with the code never sent, and whoAccessed listed it as received: the lock probe).
    /// </summary>
    [Fact]
    public async Task A_query_refused_while_its_entry_waited_is_logged_as_refused()
    {
        var purpose = AccessLogProbe.NewPurpose("ws-refused");
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.SendAsync(JsonSerializer.Serialize(new { type = "connection_init",
            payload = new { Authorization = "Bearer " + server.Token("finance"), purpose } }));
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());

        JsonElement answer;
        await using (await AccessLogProbe.HoldWriteLockAsync(server.DatabasePath))
        {
            await client.SendAsync(JsonSerializer.Serialize(new { id = "q", type = "subscribe",
                payload = new { query = "{ enterprises(first: 1) { edges { node { name creditCode } } } }" } }));
            answer = (await client.ReceiveAsync())!.Value;
        }

        Assert.Equal("error", answer.GetProperty("type").GetString());
        Assert.Equal("ACCESS_LOG_UNAVAILABLE",
            answer.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        var entry = Assert.Single(await server.StoredEntriesAsync(purpose,
            e => e.RequestId.EndsWith(":q", StringComparison.Ordinal)));
        Assert.Equal(503, entry.Status);
        Assert.Equal("ACCESS_LOG_UNAVAILABLE", entry.ErrorCode);
        Assert.Equal(Graph.Audit.AccessOutcome.Error, entry.Outcome);
        Assert.Equal("", entry.FieldGroups);
        Assert.Equal(0, entry.CodeCount);
        Assert.Empty(entry.Codes);
    }

    /// <summary>
    /// A refusal is an answer too: with the log unwritable, one over WebSocket went out and left no entry (the
    /// re-probe), where over HTTP it is 503 ACCESS_LOG_UNAVAILABLE. An operation refused by validation or by the
    /// transport ends with the log's code, and a connection refused for its token closes 1013 (try again later), not
    /// 4403 (which tells a client to stop retrying).
    /// </summary>
    [Fact]
    public async Task With_the_log_unwritable_refusals_are_not_sent_either()
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token("finance"));
        _ = await client.ReceiveAsync();
        await server.BreakStoreAsync(true);
        try
        {
            foreach (var (id, query) in new[] { ("v", "{ nosuchfield }"), ("m", "mutation { __typename }") })
            {
                await client.SendAsync(JsonSerializer.Serialize(new { id, type = "subscribe",
                    payload = new { query } }));
                var answer = (await client.ReceiveAsync())!.Value;
                Assert.Equal("error", answer.GetProperty("type").GetString());
                Assert.Equal("ACCESS_LOG_UNAVAILABLE",
                    answer.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
            }

            await using var refused = await WsClient.ConnectAsync(server.Address);
            await refused.InitAsync("not-a-token");
            var (code, reason) = await refused.ClosedAsync();
            Assert.Equal(1013, code);
            Assert.StartsWith("ACCESS_LOG_UNAVAILABLE", reason, StringComparison.Ordinal);
        }
        finally
        {
            await server.BreakStoreAsync(false);
        }
    }

    private async Task<List<(string RequestId, string Outcome, string? Operation, List<string> Codes)>> EntriesAsync()
    {
        var reply = (await server.ClientFor("samr-jiaxing").PostAsync("""
            { accessLog(filter: { department: "finance" }, first: 100) { edges { node {
                requestId outcome operationName creditCodes } } } }
            """)).EnsureData();
        return reply.Data.GetProperty("accessLog").GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node"))
            .Select(n => (n.GetProperty("requestId").GetString()!, n.GetProperty("outcome").GetString()!,
                n.GetProperty("operationName").GetString(),
                n.GetProperty("creditCodes").EnumerateArray().Select(c => c.GetString()!).ToList()))
            .ToList();
    }
}
