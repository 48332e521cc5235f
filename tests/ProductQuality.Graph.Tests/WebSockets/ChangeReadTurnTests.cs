using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// Change subscriptions take turns at the database: a commit wakes every one of them, and each read takes a
/// connection. Unbounded, a probe's 1,200 idle subscriptions woken by one write took every PostgreSQL connection
/// ("too many clients") and the reads that found none ended their subscriptions with INTERNAL_ERROR.
/// </summary>
public sealed class ChangeReadTurnTests(ChangeReadTurnTests.Server server) : IClassFixture<ChangeReadTurnTests.Server>
{
    private const int Subscriptions = 30;

    [Fact]
    public async Task Woken_subscriptions_read_the_feed_a_few_at_a_time_and_all_read_again()
    {
        var clients = new List<WsClient>();
        try
        {
            for (var c = 0; c < 2; c++)
            {
                var client = await WsClient.ConnectAsync(server.Address);
                clients.Add(client);
                await client.InitAsync(server.Token("finance"));
                Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
                for (var s = 0; s < Subscriptions / 2; s++)
                {
                    await ChangeSubscriptionTests.SubscribeFromNowAsync(client, $"s{s}");
                }
            }

            // Every subscription has read once to start; one wake-up makes each read again.
            await WaitForReadsAsync(Subscriptions);
            var before = server.Feed.Reads;
            server.Services.GetRequiredService<ChangeSignal>().Pulse();
            await WaitForReadsAsync(before + Subscriptions);

            Assert.InRange(server.Feed.MostAtOnce, 1, 2);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private async Task WaitForReadsAsync(int reads)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (server.Feed.Reads < reads)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{server.Feed.Reads} of {reads} reads after 60 s");
            await Task.Delay(50);
        }
    }

    /// <summary>The WebSocket test server, two reads at once, each feed read counted and made to last 20 ms.</summary>
    public sealed class Server() : WebSocketServer(new Dictionary<string, string>
    {
        ["GraphQL:WebSockets:ChangeReadsAtOnce"] = "2",
        ["GraphQL:WebSockets:ChangePollSeconds"] = "3600",
    })
    {
        public CountingFeed Feed { get; } = new();

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

    /// <summary>The real feed, counting its reads and the most in flight at once.</summary>
    public sealed class CountingFeed : IChangeFeed
    {
        private int _reads;
        private int _now;
        private int _most;

        public IChangeFeed Inner { get; set; } = null!;

        public int Reads => Volatile.Read(ref _reads);

        public int MostAtOnce => Volatile.Read(ref _most);

        public async Task<ChangePage> ReadAsync(
            ProductQualityDbContext db, ChangeFeedRequest request, CancellationToken ct)
        {
            var now = Interlocked.Increment(ref _now);
            int most;
            while (now > (most = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, now, most) != most)
            {
            }

            try
            {
                await Task.Delay(20, ct);
                return await Inner.ReadAsync(db, request, ct);
            }
            finally
            {
                Interlocked.Decrement(ref _now);
                Interlocked.Increment(ref _reads);
            }
        }

        public Task<int> CountAsync(ProductQualityDbContext db, ChangeFeedRequest request, CancellationToken ct) =>
            Inner.CountAsync(db, request, ct);

        public Task<long> HeadAsync(ProductQualityDbContext db, CancellationToken ct) => Inner.HeadAsync(db, ct);
    }
}
