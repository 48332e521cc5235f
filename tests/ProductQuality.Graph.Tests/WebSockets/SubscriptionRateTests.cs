using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Audit;
using ProductQuality.Graph.Tests.Operations;
using ProductQuality.Graph.Tests.Changes;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// Each event a subscription pushes counts against the caller's request rate, as each request does: one subscription
/// from an old cursor replayed the whole feed — an answer and an access-log entry an event — for the price of one
/// request (a probe made 100 subscribes write 13,001 log entries). Past the rate the subscription ends with
/// RATE_LIMITED, before the event that went past it, and the client resumes later from its last cursor.
/// </summary>
public sealed class SubscriptionRateTests(SubscriptionRateTests.Server server)
    : IClassFixture<SubscriptionRateTests.Server>
{
    private const int FinanceRate = 4; // as the server below is set: the subscribe and three events

    [Fact]
    public async Task Past_the_rate_a_replaying_subscription_ends_with_RATE_LIMITED_before_the_next_event()
    {
        for (var i = 0; i < 3; i++)
        {
            var (code, product, _) = await server.EnterpriseAsync(10 + i);
            await server.FailedSamplingAsync("samr-jiaxing", code, product, "2026-11-25");
        }

        var events = await Feed.ReadAllAsync(server.ClientFor("samr-jiaxing"), null, 500);
        Assert.True(events.Count > FinanceRate, $"only {events.Count} events to replay");

        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token("finance"));
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        await client.SendAsync(JsonSerializer.Serialize(new
        {
            id = "replay", type = "subscribe", payload = new
            {
                query = "subscription($after: String) { changes(after: $after) { cursor } }",
                variables = new { after = events[0].Cursor() },
            },
        }));

        var pushed = 0;
        while (true)
        {
            var message = (await client.ReceiveAsync())!.Value;
            if (message.GetProperty("type").GetString() == "next")
            {
                pushed++;
                continue;
            }

            Assert.Equal("error", message.GetProperty("type").GetString());
            var error = message.GetProperty("payload")[0];
            var extensions = error.GetProperty("extensions");
            Assert.Equal("RATE_LIMITED", extensions.GetProperty("code").GetString());
            Assert.InRange(extensions.GetProperty("retryAfterSeconds").GetInt64(), 1, 3600);
            Assert.Equal(FinanceRate, extensions.GetProperty("limit").GetInt64());
            Assert.EndsWith(":replay", extensions.GetProperty("requestId").GetString(), StringComparison.Ordinal);
            Assert.Contains("cursor of the last event", error.GetProperty("message").GetString(),
                StringComparison.Ordinal);
            break;
        }

        Assert.Equal(FinanceRate - 1, pushed);

        // The subscription ended from inside its own event: its pump must stop too, not read on for nobody (it did,
        // and failed on its disposed services once for each later event, for ever).
        var (other, otherProduct, _) = await server.EnterpriseAsync(20);
        await server.FailedSamplingAsync("samr-jiaxing", other, otherProduct, "2026-11-26");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.DoesNotContain(server.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    /// <summary>
    /// The event the rate stopped was resolved but never sent: its entry (LIMITED) records that nobody's data left —
    /// it recorded the enterprise of the unsent event and its field groups, and whoAccessed named the public for it.
    /// </summary>
    [Fact]
    public async Task The_entry_of_a_subscription_ended_by_the_rate_holds_no_data_of_the_event_not_sent()
    {
        var purpose = AccessLogProbe.NewPurpose("rate-end");
        await using var client = await WsClient.ConnectAsync(server.Address, purpose: purpose);
        await client.InitAsync(null);
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        await ChangeSubscriptionTests.SubscribeFromNowAsync(
            client, "anon", "subscription { changes { cursor kind creditCode newValue } }");   // the public's 1

        var (code, _, _) = await server.EnterpriseAsync(40);
        await server.ListAsync("samr-jiaxing", code);
        var message = (await client.ReceiveAsync())!.Value;
        Assert.Equal("error", message.GetProperty("type").GetString());
        Assert.Equal("RATE_LIMITED",
            message.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());

        var limited = Assert.Single(await server.EntriesAsync(purpose), e => e.ErrorCode == "RATE_LIMITED");
        Assert.Equal((AccessOutcome.Limited, 429, 0, ""),
            (limited.Outcome, limited.Status, limited.CodeCount, limited.FieldGroups));
        Assert.Empty(limited.Codes);
    }

    /// <summary>
    /// Operations refused before they run — a broken document, a missing payload — count too, as over HTTP: each
    /// writes an access-log entry, and a connection sent 5,000 of them in six seconds without being limited.
    /// </summary>
    [Fact]
    public async Task Refused_operations_count_against_the_rate_too()
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token("drc"));
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        string[] refused = ["""{"query":"{ "}""", """{"query":"{ nope }"}""", """{"query":"mutation { x }"}"""];
        var codes = new List<string>();
        for (var i = 0; i < refused.Length + 1; i++)
        {
            var payload = i < refused.Length ? refused[i] : """{"query":"{ __typename }"}""";
            await client.SendAsync($$"""{"id":"op{{i}}","type":"subscribe","payload":{{payload}}}""");
            var answer = (await client.ReceiveAsync())!.Value;
            Assert.Equal("error", answer.GetProperty("type").GetString());
            codes.Add(answer.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString()!);
        }

        Assert.DoesNotContain("RATE_LIMITED", codes[..^1]);
        Assert.Equal("RATE_LIMITED", codes[^1]);
    }

    /// <summary>
    /// A subscribe past the connection's operations is refused, logged and counted like any refused request: past the
    /// rate the refusal is RATE_LIMITED. (They were answered TOO_MANY_OPERATIONS without end and logged nowhere.)
    /// </summary>
    [Fact]
    public async Task Subscribes_past_the_connections_operations_are_logged_and_count_against_the_rate()
    {
        var purpose = AccessLogProbe.NewPurpose("ops-cap");
        await using var client = await WsClient.ConnectAsync(server.Address, purpose: purpose);
        await client.InitAsync(server.Token("sci-tech"));
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        for (var i = 0; i < MaxOperations; i++)
        {
            await ChangeSubscriptionTests.SubscribeFromNowAsync(
                client, $"run{i}", "subscription { changes { cursor } }");
        }

        var codes = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            await client.SendAsync(JsonSerializer.Serialize(new
            {
                id = $"over{i}", type = "subscribe", payload = new { query = "{ __typename }" },
            }));
            var answer = (await client.ReceiveAsync())!.Value;
            Assert.Equal("error", answer.GetProperty("type").GetString());
            codes.Add(answer.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString()!);
        }

        Assert.Equal(["TOO_MANY_OPERATIONS", "RATE_LIMITED"], codes);
        var refused = (await server.EntriesAsync(purpose)).Where(e => e.ErrorCode is not null).ToList();
        Assert.Equal(["TOO_MANY_OPERATIONS", "RATE_LIMITED"], refused.Select(e => e.ErrorCode));
        Assert.All(refused, e =>
            Assert.Equal(("sci-tech", 429, AccessOutcome.Limited), (e.Department, e.Status, e.Outcome)));
        Assert.EndsWith(":over0", refused[0].RequestId, StringComparison.Ordinal);
    }

    private const int MaxOperations = 2;   // on one connection, as the server below is set

    /// <summary>
    /// The WebSocket test server where finance may make four requests an hour, drc three, sci-tech three (two
    /// subscribes and a refused one) and the public one; two operations a connection; its logs kept.
    /// </summary>
    public sealed class Server() : WebSocketServer(new Dictionary<string, string>
    {
        ["GraphQL:WebSockets:MaxOperationsPerConnection"] = "2",
        ["Access:Departments:sci-tech:Limits:RequestsPerWindow"] = "3",
        ["Access:Departments:sci-tech:Limits:WindowSeconds"] = "3600",
        ["Access:Departments:finance:Limits:RequestsPerWindow"] = "4",
        ["Access:Departments:finance:Limits:WindowSeconds"] = "3600",
        ["Access:Departments:drc:Limits:RequestsPerWindow"] = "3",
        ["Access:Departments:drc:Limits:WindowSeconds"] = "3600",
        ["Access:Public:Limits:RequestsPerWindow"] = "1",
        ["Access:Public:Limits:WindowSeconds"] = "3600",
    })
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(Logs));
        }
    }
}
