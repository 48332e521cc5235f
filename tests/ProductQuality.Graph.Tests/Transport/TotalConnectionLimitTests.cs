using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.WebSockets;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// GraphQL:MaxConnections bounds every connection, WebSockets included: Kestrel counts a connection apart once it is
/// upgraded, so with its two limits set to the setting twice as many were let in (and each is a file descriptor).
/// </summary>
public sealed class TotalConnectionLimitTests(TotalConnectionLimitTests.Server server)
    : IClassFixture<TotalConnectionLimitTests.Server>
{
    private const int Max = 16;   // the smallest the setting allows

    [Fact]
    public async Task WebSockets_count_against_the_connections_allowed()
    {
        var sockets = new List<WsClient>();
        try
        {
            for (var i = 0; i < Max; i++)
            {
                sockets.Add(await WsClient.ConnectAsync(server.Address));
            }

            var refused = await RawConnection.RefusedAsync(server.Address,
                "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());

            Assert.True(refused, "a connection past GraphQL:MaxConnections was served beside its WebSockets");
        }
        finally
        {
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }
        }
    }

    /// <summary>More connections allowed than the process may open files is said at start, with what to change.
    /// </summary>
    [Fact]
    public void A_limit_above_the_open_file_limit_is_warned_about_at_start()
    {
        if (!File.Exists("/proc/self/limits"))
        {
            return;   // the limit is read on Linux only
        }

        var warnings = new WarningSink();
        using var above = server.WithWebHostBuilder(b => b.UseSetting("GraphQL:MaxConnections", "1000000")
            .ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(warnings)));
        _ = above.Services;
        using var within = server.WithWebHostBuilder(b => b.UseSetting("GraphQL:MaxConnections", "16")
            .ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(warnings)));
        _ = within.Services;

        var warning = Assert.Single(warnings.Messages, w => w.Contains("ulimit -n", StringComparison.Ordinal));
        Assert.Contains("GraphQL:MaxConnections is 1000000", warning, StringComparison.Ordinal);
    }

    public sealed class Server() : WebSocketServer(new Dictionary<string, string>
    {
        ["GraphQL:MaxConnections"] = Max.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}
