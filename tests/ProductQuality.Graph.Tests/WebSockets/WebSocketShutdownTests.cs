using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProductQuality.Graph.Infrastructure.WebSockets;
using ProductQuality.Graph.Tests.Limits;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// A server that stops closes its open WebSocket connections at once with 1001 (going away) and a reason that says to
/// reconnect. It waited for them to end by themselves for the host's whole shutdown timeout (30 s) and then reset
/// them, so clients saw an abnormal 1006 half a minute late and every instance of a rolling deploy waited it out
/// (the protocol probe).
/// </summary>
public sealed class WebSocketShutdownTests
{
    [Fact]
    public async Task Stopping_the_server_closes_open_connections_with_going_away_at_once()
    {
        var server = new WebSocketServer();
        var (idle, subscribed) = await IdleAndSubscribedAsync(server);
        await using var idleClient = idle;
        await using var subscribedClient = subscribed;

        var clock = Stopwatch.StartNew();
        var stopping = Task.Run(server.Dispose);
        foreach (var client in new[] { idle, subscribed })
        {
            var (code, reason) = await client.ClosedAsync();
            Assert.Equal(1001, code);
            Assert.Contains("reconnect shortly, resuming from your last cursor", reason, StringComparison.Ordinal);
        }

        await stopping.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the stop took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task The_stops_first_step_sends_every_close_and_waits_until_they_are_out_whatever_the_grace()
    {
        // Sent only from the stop's signal, a close raced the rest of the stop: a connection whose receive loop ended
        // meanwhile (a subscription's start cut short) lost its close half-written, and its client read a dropped
        // connection (CI, once). The host's first stop step now sends them all and waits, before anything else stops;
        // with no grace period its token is cancelled already, and the closes still go out.
        using var server = new WebSocketServer();
        var (idle, subscribed) = await IdleAndSubscribedAsync(server);
        await using var idleClient = idle;
        await using var subscribedClient = subscribed;
        var step = server.Services.GetServices<IHostedService>().OfType<GoingAwayOnStop>().Single();

        await step.StoppingAsync(new CancellationToken(canceled: true)).WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var client in new[] { idle, subscribed })
        {
            var (code, reason) = await client.ClosedAsync();
            Assert.Equal(1001, code);
            Assert.Contains("reconnect shortly", reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_query_the_stop_cuts_short_is_logged_as_the_servers_doing_not_as_its_caller_leaving()
    {
        // A query still executing when the server stops was logged 499 CLIENT_CLOSED_REQUEST, as if its caller had
        // left, although the caller was the one told to go (the re-probe). The gate holds it across the stop.
        using var server = new GatedServer();
        var held = server.Gate.Hold("HeldStop");
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token("samr-jiaxing"));
        Assert.Equal("connection_ack", (await client.ReceiveAsync())?.GetProperty("type").GetString());
        await client.SendAsync("""
            {"type":"subscribe","id":"s","payload":{"query":"query HeldStop { __typename }","operationName":"HeldStop"}}
            """);
        await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Only the stop's signal: the host keeps running, so its access log writer is there to write the entry.
        server.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        Assert.Equal(1001, (await client.ClosedAsync()).Code);
        held.Release();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        (long Status, string? Code, string Outcome)? entry = null;
        while ((entry = LoggedEntry(server.DatabasePath, "HeldStop")) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal((503L, "SERVER_STOPPING", "Error"), entry);
    }

    /// <summary>Two acknowledged connections, one idle and one with a change subscription just sent.</summary>
    private static async Task<(WsClient Idle, WsClient Subscribed)> IdleAndSubscribedAsync(WebSocketServer server)
    {
        var idle = await WsClient.ConnectAsync(server.Address);
        var subscribed = await WsClient.ConnectAsync(server.Address);
        foreach (var client in new[] { idle, subscribed })
        {
            await client.InitAsync(server.Token("samr-jiaxing"));
            Assert.Equal("connection_ack", (await client.ReceiveAsync())?.GetProperty("type").GetString());
        }

        await subscribed.SendAsync("""
            {"type":"subscribe","id":"1","payload":{"query":"subscription { changes { kind creditCode } }"}}
            """);
        return (idle, subscribed);
    }

    private static (long Status, string? Code, string Outcome)? LoggedEntry(string database, string operationName)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Status", "ErrorCode", "Outcome" FROM "AccessLog" WHERE "OperationName" = $name
            """;
        command.Parameters.AddWithValue("$name", operationName);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2))
            : null;
    }

    /// <summary>The WebSocket server with <see cref="ExecutionGate"/> in front of its executer.</summary>
    private sealed class GatedServer : WebSocketServer
    {
        public ExecutionGate Gate => Services.GetRequiredService<ExecutionGate>();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(ExecutionGate.Install);
        }
    }
}
