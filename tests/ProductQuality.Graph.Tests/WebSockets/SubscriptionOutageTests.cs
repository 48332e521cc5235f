using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// A subscription running when the database goes away ends saying so — DATABASE_UNAVAILABLE with the time to retry,
/// as a new subscribe in the same outage is told — not INTERNAL_ERROR with an error and its stack in the log for
/// each (the failure probe stopped PostgreSQL under a running <c>changes</c> subscription).
/// </summary>
public sealed class SubscriptionOutageTests(SubscriptionOutageTests.Server server)
    : IClassFixture<SubscriptionOutageTests.Server>
{
    [Fact]
    public async Task A_running_subscription_ends_with_DATABASE_UNAVAILABLE_when_the_database_goes()
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token("finance"));
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        await ChangeSubscriptionTests.SubscribeFromNowAsync(client, "feed");

        server.Feed.Down = true;
        server.Services.GetRequiredService<ChangeSignal>().Pulse();

        var next = (await client.ReceiveAsync())!.Value;
        Assert.Equal("next", next.GetProperty("type").GetString());
        var error = next.GetProperty("payload").GetProperty("errors")[0];
        var extensions = error.GetProperty("extensions");
        Assert.Equal("DATABASE_UNAVAILABLE", extensions.GetProperty("code").GetString());
        Assert.Equal(DatabaseOutage.RetryAfterSeconds, extensions.GetProperty("retryAfterSeconds").GetInt32());
        Assert.DoesNotContain("53300", error.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("complete", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());

        // The end told is logged, as an HTTP request's DATABASE_UNAVAILABLE is: the log held the subscription's start
        // and never its end.
        var ends = await server.DbAsync(db => db.AccessLog.AsNoTracking()
            .Where(e => e.RequestId.EndsWith(":feed") && e.ErrorCode != null).ToListAsync());
        var end = Assert.Single(ends);
        Assert.Equal("DATABASE_UNAVAILABLE", end.ErrorCode);
        Assert.Equal(503, end.Status);
        Assert.Equal(Graph.Audit.AccessOutcome.Error, end.Outcome);
        Assert.Equal(0, end.CodeCount);
    }

    /// <summary>
    /// A change subscription notes the feed's head as it is received, on the receive loop; a database that hangs held
    /// every message behind it — a ping's pong for 39 s, past a client's keep-alive. The wait is bounded (2 s).
    /// </summary>
    [Fact]
    public async Task A_ping_after_a_subscribe_is_answered_while_the_database_hangs()
    {
        await using var client = await WsClient.ConnectAsync(server.Address);
        await client.InitAsync(server.Token("finance"));
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());

        server.Feed.Hangs = true;
        try
        {
            await client.SendAsync(System.Text.Json.JsonSerializer.Serialize(new
            {
                id = "hung", type = "subscribe", payload = new { query = ChangeSubscriptionTests.Subscription },
            }));
            await client.SendAsync("""{"type":"ping"}""");
            Assert.Equal("pong", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
        }
        finally
        {
            server.Feed.Hangs = false;
        }
    }

    /// <summary>The WebSocket test server whose change feed fails as a database out of connections when told.
    /// </summary>
    public sealed class Server() : WebSocketServer(new Dictionary<string, string>
    {
        ["GraphQL:WebSockets:ChangePollSeconds"] = "3600",
    })
    {
        public FailingFeed Feed { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IChangeFeed>(p =>
            {
                Feed.Inner = ActivatorUtilities.CreateInstance<ChangeFeed>(p);
                return Feed;
            }));
        }
    }

    public sealed class FailingFeed : IChangeFeed
    {
        public IChangeFeed Inner { get; set; } = null!;

        private volatile bool _down;

        public bool Down
        {
            get => _down;
            set => _down = value;
        }

        public Task<ChangePage> ReadAsync(
            ProductQualityDbContext db, ChangeFeedRequest request, CancellationToken ct) =>
            Down ? throw Outage() : Inner.ReadAsync(db, request, ct);

        public Task<int> CountAsync(ProductQualityDbContext db, ChangeFeedRequest request, CancellationToken ct) =>
            Down ? throw Outage() : Inner.CountAsync(db, request, ct);

        /// <summary>The head's read hangs, heeding no cancellation, as a call into a frozen database server.</summary>
        public bool Hangs { get; set; }

        public async Task<long> HeadAsync(ProductQualityDbContext db, CancellationToken ct)
        {
            if (Hangs)
            {
                await Task.Delay(TimeSpan.FromSeconds(60), CancellationToken.None);
            }

            return Down ? throw Outage() : await Inner.HeadAsync(db, ct);
        }

        private static PostgresException Outage() =>
            new("too many connections", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections);
    }
}
