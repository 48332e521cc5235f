using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProductQuality.Graph.Tests.Operations;

namespace ProductQuality.Graph.Tests.WebSockets;

/// <summary>
/// Answers a client does not read are bounded per connection, not only in time: each operation's finished answer
/// waited whole behind the unread send until its timeout (30 s), so five connections of 20 large answers held 3 GB
/// and, under a heap limit, crashed the server (the cost probe). Past the bound the connection is let go at once.
/// </summary>
public sealed class UnsentAnswersTests(UnsentAnswersTests.Server server) : IClassFixture<UnsentAnswersTests.Server>
{
    [Fact]
    public async Task A_client_that_leaves_answers_unread_past_the_bound_is_let_go_before_its_send_timeout()
    {
        using var slow = await SlowClient.ConnectAsync(server.Address, server.Token("samr-jiaxing"));
        for (var i = 0; i < 8; i++)
        {
            await slow.SendAsync(JsonSerializer.Serialize(new
            {
                id = $"big{i}", type = "subscribe", payload = new { query = SubscriptionDeliveryTests.BigQuery },
            }));
        }

        var waited = Stopwatch.StartNew();
        while (!server.Logs.Entries.Any(e =>
            e.Message.Contains("characters of answers unread", StringComparison.Ordinal)))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(90), "the server still holds the unread answers");
            await Task.Delay(200);
        }

        // Let go by the bound, not by the send timeout (ten minutes here).
        Assert.DoesNotContain(server.Logs.Entries, e => e.Message.Contains("read nothing", StringComparison.Ordinal));
        Assert.InRange(await slow.TrickleAsync().WaitAsync(TimeSpan.FromSeconds(90)), 0, 4_000_000);
    }

    /// <summary>The WebSocket test server with the smallest bound on unsent answers and a long send timeout.</summary>
    public sealed class Server() : WebSocketServer(new Dictionary<string, string>
    {
        ["GraphQL:WebSockets:SendTimeoutSeconds"] = "600",
        ["GraphQL:WebSockets:MaxUnsentCharacters"] = "65536",
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
