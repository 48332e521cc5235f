using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Tests.Changes;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Limits;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// Operations start and run beside the connection's receive loop: a query waiting for a place or executing held
/// every later message of its connection, so a ping was answered only after the query (keep-alive clients take a
/// missing pong for a dead link) and a complete could not cancel it. An operation is held by
/// <see cref="ExecutionGate"/> (or by an HTTP request holding the department's one place), so each pong is shown to
/// arrive while it is held, whatever the machine's speed.
/// </summary>
public sealed class OperationConcurrencyTests(OperationConcurrencyTests.Server server)
    : IClassFixture<OperationConcurrencyTests.Server>
{
    [Fact]
    public async Task A_ping_is_answered_while_a_query_executes_and_a_complete_cancels_it()
    {
        var held = server.Gate.Hold("HeldWs");
        await using var client = await ConnectedAsync("industry-access");
        try
        {
            await client.SendAsync(Subscribe("q", "query HeldWs { __typename }", "HeldWs"));
            await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

            await client.SendAsync("{\"type\":\"ping\"}");
            Assert.Equal("pong", TypeOf(await client.ReceiveAsync()));   // while the query is still held

            await client.SendAsync("{\"id\":\"q\",\"type\":\"complete\"}");
            await client.SendAsync("{\"type\":\"ping\"}");
            Assert.Equal("pong", TypeOf(await client.ReceiveAsync()));
        }
        finally
        {
            held.Release();   // a failure here must not leave the department's one place taken for the next test
        }

        // The department's one place is given back once the cancelled query has stopped; the next is answered and
        // nothing of the completed one comes before it.
        await client.SendAsync(Subscribe("q", "{ __typename }"));
        Assert.Equal([("q", "next"), ("q", "complete")], [IdAndType(await client.ReceiveAsync()),
            IdAndType(await client.ReceiveAsync())]);
        await client.SendAsync("{\"type\":\"ping\"}");
        Assert.Equal("pong", TypeOf(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task A_query_the_client_completes_while_it_runs_is_logged_as_cancelled()
    {
        // Over HTTP a caller that leaves is logged CANCELLED (499); over WebSocket the client's complete left no
        // entry at all, although the query had run against the database (the protocol probe).
        var held = server.Gate.Hold("HeldCancel");
        await using var client = await ConnectedAsync("samr-jiaxing");
        try
        {
            await client.SendAsync(Subscribe("c", "query HeldCancel { __typename }", "HeldCancel"));
            await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await client.SendAsync("{\"id\":\"c\",\"type\":\"complete\"}");
            await client.SendAsync("{\"type\":\"ping\"}");
            Assert.Equal("pong", TypeOf(await client.ReceiveAsync()));
        }
        finally
        {
            held.Release();
        }

        // Written when the cancelled operation has stopped, after the release: waited for, not assumed.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement? entry = null;
        while (entry is null && DateTime.UtcNow < deadline)
        {
            var log = (await server.ClientFor("samr-jiaxing").PostAsync("""
                { accessLog(filter: { department: "samr-jiaxing", outcome: CANCELLED }, first: 50) {
                    edges { node { requestId operationName status errorCode } } } }
                """)).EnsureData().Data.GetProperty("accessLog").GetProperty("edges");
            entry = log.EnumerateArray().Select(e => e.GetProperty("node")).Cast<JsonElement?>().FirstOrDefault(n =>
                n!.Value.GetProperty("requestId").GetString()!.EndsWith(":c", StringComparison.Ordinal));
            if (entry is null)
            {
                await Task.Delay(100);
            }
        }

        Assert.NotNull(entry);
        Assert.Equal("HeldCancel", entry.Value.GetProperty("operationName").GetString());
        Assert.Equal(499, entry.Value.GetProperty("status").GetInt32());
        Assert.Equal("CLIENT_CLOSED_REQUEST", entry.Value.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task A_ping_is_answered_while_a_query_waits_for_a_place_and_a_complete_takes_it_out_of_the_queue()
    {
        var held = server.Gate.Hold("HeldHttp");
        var running = server.ClientFor("finance").PostAsync("query HeldHttp { __typename }", operationName: "HeldHttp");
        await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await using var client = await ConnectedAsync("finance");
        try
        {
            await client.SendAsync(Subscribe("waiting", "{ __typename }"));
            await client.SendAsync("{\"type\":\"ping\"}");
            Assert.Equal("pong", TypeOf(await client.ReceiveAsync()));   // finance's one place is still taken

            await client.SendAsync("{\"id\":\"waiting\",\"type\":\"complete\"}");
            await client.SendAsync(Subscribe("after", "{ __typename }"));   // the queue's one seat was given back
            await client.SendAsync("{\"type\":\"ping\"}");
            Assert.Equal("pong", TypeOf(await client.ReceiveAsync()));   // read in order: the complete was handled
        }
        finally
        {
            held.Release();
        }

        (await running).EnsureData();

        Assert.Equal([("after", "next"), ("after", "complete")], [IdAndType(await client.ReceiveAsync()),
            IdAndType(await client.ReceiveAsync())]);
    }

    [Fact]
    public async Task An_operation_still_starting_keeps_its_id_and_the_close_cancels_it()
    {
        var held = server.Gate.Hold("HeldDup");
        await using var client = await ConnectedAsync("industry-access");
        try
        {
            await client.SendAsync(Subscribe("d", "query HeldDup { __typename }", "HeldDup"));
            await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

            await client.SendAsync(Subscribe("d", "{ __typename }"));
            Assert.Equal(4409, (await client.ClosedAsync()).Code);
        }
        finally
        {
            held.Release();   // the closed connection's operation was cancelled: its place comes back
        }

        await using var after = await ConnectedAsync("industry-access");
        await after.SendAsync(Subscribe("d", "{ __typename }"));
        Assert.Equal(("d", "next"), IdAndType(await after.ReceiveAsync()));
    }

    [Fact]
    public async Task A_subscription_from_now_starts_where_the_feed_stood_when_it_was_received()
    {
        // Held before it runs, as a subscription waiting for a place is: a change committed meanwhile comes after
        // "now" as the client meant it (when it sent the subscribe), so it is pushed — read when the subscription
        // ran, "now" was after it and the change was never sent.
        var (code, _, _) = await server.EnterpriseAsync(150);
        var held = server.Gate.Hold("HeldFeed");
        await using var client = await ConnectedAsync("samr-jiaxing");
        try
        {
            await client.SendAsync(Subscribe("feed", "subscription HeldFeed { changes { creditCode } }", "HeldFeed"));
            await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await server.ListAsync("samr-jiaxing", code);
        }
        finally
        {
            held.Release();
        }

        while (true)
        {
            var message = await client.ReceiveAsync();
            Assert.Equal(("feed", "next"), IdAndType(message));
            if (message!.Value.GetProperty("payload").GetProperty("data").GetProperty("changes")
                .GetProperty("creditCode").GetString() == code)
            {
                break;
            }
        }
    }

    private static string Subscribe(string id, string query, string? operationName = null) =>
        JsonSerializer.Serialize(new { id, type = "subscribe", payload = new { query, operationName } });

    private static string? TypeOf(JsonElement? message) =>
        message?.GetProperty("type").GetString() ?? "(closed)";

    private static (string?, string?) IdAndType(JsonElement? message) =>
        message is { } m ? (m.TryGetProperty("id", out var id) ? id.GetString() : null, TypeOf(m)) : (null, null);

    private async Task<WsClient> ConnectedAsync(string department)
    {
        var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token(department));
        Assert.Equal("connection_ack", TypeOf(await client.ReceiveAsync()));
        return client;
    }

    /// <summary>finance and industry-access may run one request at a time and queue one.</summary>
    public sealed class Server()
        : WebSocketServer(new Dictionary<string, string>
        {
            ["Access:Departments:finance:Limits:MaxConcurrentRequests"] = "1",
            ["Access:Departments:finance:Limits:MaxQueuedRequests"] = "1",
            ["Access:Departments:industry-access:Limits:MaxConcurrentRequests"] = "1",
            ["Access:Departments:industry-access:Limits:MaxQueuedRequests"] = "1",
        })
    {
        public ExecutionGate Gate => Services.GetRequiredService<ExecutionGate>();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(ExecutionGate.Install);
        }
    }
}
