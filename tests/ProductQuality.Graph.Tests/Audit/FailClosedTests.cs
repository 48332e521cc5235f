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
    /// A request that gave up waiting for its entry (the database held by another process past the commit wait) was
    /// answered 503, and its entry, stored once the lock was gone, said 200 OK with the code it never delivered:
    /// whoAccessed listed finance as having received it (the lock probe). The entry now says what was answered.
    /// </summary>
    [Fact]
    public async Task A_request_refused_while_its_entry_waited_is_logged_as_refused_and_received_nothing()
    {
        const string Page = "{ enterprises(first: 1) { edges { node { name creditCode } } } }";
        var client = factory.ClientFor("finance");
        var code = (await client.PostAsync(Page, purpose: null)).EnsureData().Data.GetProperty("enterprises")
            .GetProperty("edges")[0].GetProperty("node").GetProperty("creditCode").GetString()!;
        var refusedPurpose = AccessLogProbe.NewPurpose("refused");

        GraphQLReply refused;
        await using (await AccessLogProbe.HoldWriteLockAsync(factory.DatabasePath))
        {
            refused = await client.PostAsync(Page, refusedPurpose);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal(AccessLogging.UnavailableCode, refused.FirstErrorCode);
        var entry = Assert.Single(await factory.StoredEntriesAsync(refusedPurpose));
        Assert.Equal(503, entry.Status);
        Assert.Equal(AccessLogging.UnavailableCode, entry.ErrorCode);
        Assert.Equal(AccessOutcome.Error, entry.Outcome);
        Assert.Equal("", entry.FieldGroups);
        Assert.Equal(0, entry.CodeCount);
        Assert.Empty(entry.Codes);

        // Delivered afterwards, for contrast: the tracker lists that one and not the refused one.
        var deliveredPurpose = AccessLogProbe.NewPurpose("delivered");
        (await client.PostAsync(Page, deliveredPurpose)).EnsureData();
        var tracked = (await factory.ClientFor("samr-jiaxing").PostAsync(
                "query($c: String!) { whoAccessed(creditCode: $c, first: 50) { edges { node { purpose } } } }",
                purpose: null, new { c = code })).EnsureData().Data.GetProperty("whoAccessed").GetProperty("edges")
            .EnumerateArray().Select(e => e.GetProperty("node").GetProperty("purpose").GetString()).ToList();
        Assert.Contains(deliveredPurpose, tracked);
        Assert.DoesNotContain(refusedPurpose, tracked);
        var chain = await factory.Services.GetRequiredService<ChainVerifier>().VerifyAsync();
        Assert.True(chain.Intact, chain.Problem);
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
