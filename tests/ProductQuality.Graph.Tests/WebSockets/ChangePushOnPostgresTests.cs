using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Changes;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// Several servers on one PostgreSQL database: a partner subscribed on one server receives a change committed
/// through another, woken by PostgreSQL's LISTEN/NOTIFY. The subscriber's server re-reads only once an hour here, so
/// nothing but the notification can deliver the event within the test.
/// </summary>
[Collection(WritablePostgresServerCollection.Name)]
public sealed class ChangePushOnPostgresTests(WritablePostgresServerFactory factory)
{
    [PostgresFact]
    public async Task A_change_committed_on_another_server_is_pushed_through_listen_notify()
    {
        var connectionString = await factory.DbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        using var subscriberServer = new SlowPollingPeer(connectionString);
        var start = await Feed.EndAsync(subscriberServer.ClientFor("samr-jiaxing"));
        var (code, product, _) = await factory.EnterpriseAsync(90);

        var client = subscriberServer.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var socket = await client.ConnectAsync(
            new Uri(subscriberServer.Server.BaseAddress, "graphql"), timeout.Token);
        await SendAsync(socket, new
        {
            type = "connection_init",
            payload = new { Authorization = "Bearer " + subscriberServer.Token("samr-jiaxing") },
        }, timeout.Token);
        Assert.Equal("connection_ack", (await ReceiveAsync(socket, timeout.Token)).GetProperty("type").GetString());
        await SendAsync(socket, new
        {
            id = "feed", type = "subscribe",
            payload = new
            {
                query = "subscription($after: String) { changes(after: $after) { cursor creditCode kind } }",
                variables = new { after = start },
            },
        }, timeout.Token);
        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);   // the subscription's first read is done

        await factory.FailedSamplingAsync("samr-jiaxing", code, product, "2026-11-27");   // the other server
        while (true)
        {
            var message = await ReceiveAsync(socket, timeout.Token);
            Assert.Equal("next", message.GetProperty("type").GetString());
            if (message.GetProperty("payload").GetProperty("data").GetProperty("changes")
                    .GetProperty("creditCode").GetString() == code)
            {
                return;
            }
        }
    }

    private static Task SendAsync(WebSocket socket, object message, CancellationToken cancel) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, cancel);

    private static async Task<JsonElement> ReceiveAsync(WebSocket socket, CancellationToken cancel)
    {
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancel);
            Assert.NotEqual(WebSocketMessageType.Close, received.MessageType);
            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
            }
        }
    }

    /// <summary>A second server on the same database whose subscriptions re-read only once an hour.</summary>
    private sealed class SlowPollingPeer(string connectionString) : TestServerFactory
    {
        public string Token(string department) =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<ProductQuality.Graph.Access.Tokens.DevelopmentTokenIssuer>(Services)
                .Issue(department, "push-test", TimeSpan.FromMinutes(10));

        protected override void ConfigureDatabase(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", connectionString);
            builder.UseSetting("GraphQL:WebSockets:ChangePollSeconds", "3600");
        }
    }
}
