using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Operations;

/// <summary>
/// OTLP export happens only when <c>Telemetry:Otlp:Endpoint</c> is set, and then reaches the collector: a local
/// stand-in receives traces (tagged with department and operation) and metrics over OTLP/HTTP.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class OtlpExportTests(GraphServerFactory factory)
{
    [Fact]
    public void Without_an_endpoint_nothing_traces_or_exports() =>
        Assert.Null(factory.Services.GetService<TracerProvider>());

    [Fact]
    public async Task With_an_endpoint_traces_and_metrics_reach_the_collector()
    {
        _ = factory.Services; // the shared server seeds the database first; this one reuses it
        await using var collector = await FakeCollector.StartAsync();
        var server = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Telemetry:Otlp:Endpoint", collector.Address);
            b.UseSetting("Telemetry:Otlp:Protocol", "HttpProtobuf");
            b.UseSetting("Telemetry:Otlp:MetricsIntervalSeconds", "1");
        });
        try
        {
            using var client = server.CreateClient();
            client.DefaultRequestHeaders.Authorization =
                factory.ClientFor("finance").DefaultRequestHeaders.Authorization;
            (await client.PostAsync("query OtlpProbe { enterprises(first: 2) { totalCount } }")).EnsureData();
            // Spans leave in batches every 5 s and metrics every second; shutting down below flushes the rest.
            for (var i = 0; i < 100 && (collector.Bodies("/v1/traces").Count == 0
                || collector.Bodies("/v1/metrics").Count == 0); i++)
            {
                await Task.Delay(100);
            }
        }
        finally
        {
            await server.DisposeAsync(); // shutting down flushes both signals
        }

        var traces = collector.Bodies("/v1/traces");
        Assert.Contains(traces, b => b.Contains("OtlpProbe", StringComparison.Ordinal)
            && b.Contains("pqg.department", StringComparison.Ordinal)
            && b.Contains("finance", StringComparison.Ordinal));
        Assert.Contains(collector.Bodies("/v1/metrics"),
            b => b.Contains("pqg.graphql.requests", StringComparison.Ordinal));
    }

    /// <summary>
    /// A collector that cannot be reached was not mentioned anywhere: OpenTelemetry reports export failures only on
    /// its EventSource (the ops probe). The server's log says so, once (not once an export), in one line.
    /// </summary>
    [Theory]
    [InlineData("HttpProtobuf")]
    [InlineData("Grpc")]
    public async Task An_unreachable_collector_is_one_warning_in_the_log(string protocol)
    {
        _ = factory.Services;
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // a port nobody listens on: connections are refused
        var logs = new CapturedLogs();
        var server = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Telemetry:Otlp:Endpoint", $"http://127.0.0.1:{port}");
            b.UseSetting("Telemetry:Otlp:Protocol", protocol);
            b.UseSetting("Telemetry:Otlp:MetricsIntervalSeconds", "1");
            b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs));
        });
        try
        {
            using var client = server.CreateClient();
            (await client.PostAsync("{ __typename }")).EnsureData();
            for (var i = 0; i < 100 && !Warned(logs); i++)
            {
                await Task.Delay(100);
            }

            await Task.Delay(2500); // two more exports fail meanwhile
        }
        finally
        {
            await server.DisposeAsync();
        }

        var warning = Assert.Single(logs.Entries, e => e.Category.EndsWith("ExportFailureLog", StringComparison.Ordinal)
            && e.Level == LogLevel.Warning);
        Assert.Contains($"Telemetry:Otlp:Endpoint http://127.0.0.1:{port}", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", warning.Message, StringComparison.Ordinal);   // no .NET type names
        Assert.DoesNotContain("..", warning.Message, StringComparison.Ordinal);
    }

    private static bool Warned(CapturedLogs logs) =>
        logs.Entries.Any(e => e.Category.EndsWith("ExportFailureLog", StringComparison.Ordinal));

    /// <summary>Accepts OTLP/HTTP posts on a free local port (a small Kestrel app) and keeps their bodies
    /// (protobuf keeps strings as UTF-8).</summary>
    private sealed class FakeCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, string Body)> _received = new();

        private FakeCollector(WebApplication app) => _app = app;

        public string Address => _app.Urls.First();

        public static async Task<FakeCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var collector = new FakeCollector(builder.Build());
            collector._app.MapPost("/v1/{signal}", async (HttpContext http) =>
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body);
                collector._received.Enqueue((http.Request.Path, Encoding.Latin1.GetString(body.ToArray())));
                return Results.Ok();
            });
            await collector._app.StartAsync();
            return collector;
        }

        public IReadOnlyList<string> Bodies(string path) =>
            [.. _received.Where(r => r.Path == path).Select(r => r.Body)];

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
