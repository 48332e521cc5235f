using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProductQuality.Graph.Tests.Changes;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Operations;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// How events reach subscribers without holding the server: delivering an event waits for its access log entry and
/// for the socket, and waited blocking a thread-pool thread each — a probe's 100 subscriptions and one write stalled
/// every request of the server for 22 s. And a client that stops reading is let go after the send timeout, instead
/// of holding its connection's sender and its events for ever.
/// </summary>
public sealed class SubscriptionDeliveryTests(SubscriptionDeliveryTests.Server server)
    : IClassFixture<SubscriptionDeliveryTests.Server>
{
    private const int Connections = 5;
    private const int PerConnection = 20;   // the most operations one connection may run (the default)
    private const int Answers = 12;

    [Fact]
    public async Task A_hundred_subscribers_receive_a_write_without_stalling_other_requests()
    {
        var clients = new List<WsClient>();
        try
        {
            for (var c = 0; c < Connections; c++)
            {
                var client = await WsClient.ConnectAsync(server.Address);
                clients.Add(client);
                await client.InitAsync(server.Token("finance"));
                Assert.Equal("connection_ack", (await client.ReceiveAsync())!.Value.GetProperty("type").GetString());
                for (var s = 0; s < PerConnection; s++)
                {
                    await ChangeSubscriptionTests.SubscribeFromNowAsync(client, $"s{s}");
                }
            }

            var (code, _, _) = await server.EnterpriseAsync(3);

            // While the write's 100 events are delivered, the write is answered, and another department's requests.
            using var delivered = new CancellationTokenSource();
            var polling = PollAsync(server.ClientFor("drc"), delivered.Token);
            var writing = Stopwatch.StartNew();
            await server.ListAsync("samr-jiaxing", code);
            var write = writing.Elapsed;
            foreach (var client in clients)
            {
                var ids = new HashSet<string>();
                while (ids.Count < PerConnection)
                {
                    var message = (await client.ReceiveAsync())!.Value;
                    Assert.Equal("next", message.GetProperty("type").GetString());
                    Assert.Equal(code, message.GetProperty("payload").GetProperty("data").GetProperty("changes")
                        .GetProperty("creditCode").GetString());
                    ids.Add(message.GetProperty("id").GetString()!);
                }
            }

            var delivery = writing.Elapsed;
            await delivered.CancelAsync();
            var slowest = await polling;

            // With a thread blocked per event, the write waited 62 s in this test for its own access log entry (whose
            // writer needs a thread too) and a probe's requests stalled for 22 s; unblocked, each takes milliseconds.
            // The bounds are far from both, so a loaded machine does not fail them.
            Assert.True(write < TimeSpan.FromSeconds(10), $"the write took {write.TotalSeconds:0.0} s");
            Assert.True(delivery < TimeSpan.FromSeconds(15), $"the events took {delivery.TotalSeconds:0.0} s");
            Assert.True(slowest < TimeSpan.FromSeconds(4), $"a request took {slowest.TotalSeconds:0.0} s");
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// A client reading a trickle (1 KB every 100 ms: fast enough for Kestrel's minimum data rate, which only cuts a
    /// client that reads nothing) held its connection's sender for as long as an answer of a megabyte took, minutes,
    /// while every other message of the connection waited behind it.
    /// </summary>
    /// <summary>Asks every 100 ms until cancelled; the slowest answer.</summary>
    private static async Task<TimeSpan> PollAsync(HttpClient client, CancellationToken until)
    {
        var slowest = TimeSpan.Zero;
        while (!until.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            (await client.PostAsync("{ __typename }")).EnsureData();
            var took = Stopwatch.GetElapsedTime(started);
            slowest = took > slowest ? took : slowest;
            await Task.Delay(100, CancellationToken.None);
        }

        return slowest;
    }

    [Fact]
    public async Task A_client_that_reads_too_slowly_is_let_go_after_the_send_timeout()
    {
        using var slow = await SlowClient.ConnectAsync(server.Address, server.Token("samr-jiaxing"));
        // More than the kernel's send buffer takes (up to 4 MB here), so that a send has to wait for the client.
        for (var i = 0; i < Answers; i++)
        {
            await slow.SendAsync(JsonSerializer.Serialize(new
            {
                id = $"big{i}", type = "subscribe", payload = new { query = BigQuery },
            }));
        }

        var reading = slow.TrickleAsync();
        var deadline = Stopwatch.StartNew();
        while (!server.Logs.Entries.Any(e => e.Message.Contains("read nothing for 2 s", StringComparison.Ordinal)))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the server still waits for the client");
            await Task.Delay(200);
        }

        // The connection is gone: the trickle ends in the abort, long before the answers were read.
        var read = await reading.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.InRange(read, 0, 4_000_000);
    }

    /// <summary>About a megabyte, within the regulator's cost budget (12,400).</summary>
    internal const string BigQuery = "{ enterprises(first: 400) { edges { node { creditCode name legalRepresentative "
        + "address products { code name tier } classHistory { class effectiveFrom reason } inspections(limit: 20) { "
        + "reportNumber sampledOn passed batch lab specModel } } } } }";

    /// <summary>The WebSocket test server with a send timeout of two seconds, its logs kept.</summary>
    public sealed class Server() : WebSocketServer(new Dictionary<string, string>
    {
        ["GraphQL:WebSockets:SendTimeoutSeconds"] = "2",
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
