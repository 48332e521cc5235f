using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// When the log cannot be written no answer leaves the server (503 ACCESS_LOG_UNAVAILABLE, no data) and the server
/// reports itself unready, unless AccessLog:FailOpen says to answer anyway; once the store is back, requests are
/// logged, the chain is whole and the server is ready again.
/// </summary>
[Collection(AccessLogServerCollection.Name)]
public sealed class FailClosedTests(AccessLogServerFactory factory)
{
    private const string Query = "{ enterprises(first: 3) { edges { node { name } } } }";

    [Fact]
    public async Task A_failing_log_store_fails_the_request_unless_fail_open_is_set()
    {
        var client = factory.ClientFor("finance");
        (await client.PostAsync(Query, purpose: null)).EnsureData();
        using var failOpen = factory.WithWebHostBuilder(b => b.UseSetting("AccessLog:FailOpen", "true"));
        var openClient = failOpen.CreateClient();
        openClient.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;

        await factory.BreakStoreAsync(true);
        try
        {
            var refused = await client.PostAsync(Query, purpose: null);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
            Assert.Equal(AccessLogging.UnavailableCode, refused.FirstErrorCode);
            Assert.False(refused.Json.TryGetProperty("data", out _), refused.Body);
            Assert.DoesNotContain("AccessLog", refused.Body, StringComparison.Ordinal);
            Assert.Equal(HealthStatus.Unhealthy, await ReadinessAsync());

            (await openClient.PostAsync(Query, purpose: null)).EnsureData();
        }
        finally
        {
            await factory.BreakStoreAsync(false);
        }

        // Ready again without a request: behind a load balancer an unready server gets none, and only an append
        // cleared the failure, so it stayed out of service until restarted (the ops probe). Degraded until one does.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var readiness = await ReadinessAsync();
        while (readiness == HealthStatus.Unhealthy && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(250);
            readiness = await ReadinessAsync();
        }

        Assert.Equal(HealthStatus.Degraded, readiness);

        var purpose = AccessLogProbe.NewPurpose("mended");
        (await client.PostAsync(Query, purpose)).EnsureData();
        Assert.Equal(3, (await factory.EntryAsync(purpose)).CodeCount);
        var chain = await factory.Services.GetRequiredService<ChainVerifier>().VerifyAsync();
        Assert.True(chain.Intact, chain.Problem);
        Assert.Equal(HealthStatus.Healthy, await ReadinessAsync());
    }

    /// <summary>
    /// A SQLite file opened read-only reads well and cannot store one entry: the server said ready until a request
    /// had been refused (the failure probe). Unready from the start now, saying why.
    /// </summary>
    [Fact]
    public async Task A_database_file_opened_read_only_is_unready_before_any_request()
    {
        var database = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<
            Graph.Data.DatabaseOptions>>().Value.ConnectionString;
        var logs = new Operations.CapturedLogs();
        using var readOnly = factory.WithWebHostBuilder(b => b
            .UseSetting("Database:ConnectionString", database + ";Mode=ReadOnly")
            .ConfigureTestServices(s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs)));
        var probe = readOnly.CreateClient();

        var ready = await probe.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("open read-only", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Said once when it turns unready, not as an error at every probe (a load balancer polls every few seconds).
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await probe.GetAsync("/health/ready")).StatusCode);
        }

        var said = logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning
            && e.Message.Contains("access-log", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(said);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, line.Level);
        Assert.Contains("Readiness check access-log is Unhealthy: The database file is open read-only", line.Message,
            StringComparison.Ordinal);
        var writable = await factory.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, writable.StatusCode);
    }

    private async Task<HealthStatus> ReadinessAsync() =>
        (await factory.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(c => c.Name == "access-log")).Status;
}
