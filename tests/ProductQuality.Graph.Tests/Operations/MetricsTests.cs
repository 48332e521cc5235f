using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Operations;

/// <summary>
/// The Prometheus scrape endpoint: requests counted and the cost limiter's estimate recorded per department and
/// operation (names bounded, never variables), database time beside them; readable only from allowed networks.
/// </summary>
/// <remarks>
/// Alone (<see cref="MetricsCollection"/>): the exporter reads every meter of the server's name in the process, so
/// another test's server counting a "finance" operation at the same time shows up in this server's scrape (a CI run
/// once saw an example document's "Follow" among the bounded names).
/// </remarks>
[Collection(MetricsCollection.Name)]
public sealed class MetricsTests(GraphServerFactory factory)
{
    private static string Enterprises(string operation) =>
        $"query {operation}($n: Int!) {{ enterprises(first: $n) {{ edges {{ node {{ name }} }} }} }}";

    [Fact]
    public async Task Requests_and_query_cost_are_counted_per_department_and_operation()
    {
        var from = new RemoteAddress();
        using var server = Scrapable(from);
        var operation = "Probe" + Guid.NewGuid().ToString("N")[..8];
        using var finance = WithTokenOf(server, "finance");
        using var tax = WithTokenOf(server, "tax");
        for (var i = 0; i < 3; i++)
        {
            (await finance.PostAsync(Enterprises(operation), new { n = 7 }, operation)).EnsureData();
        }

        (await tax.PostAsync(Enterprises(operation), new { n = 11 }, operation)).EnsureData();
        using var anonymous = server.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        await anonymous.PostAsync("{ __typename }");

        var samples = await ScrapeAsync(server);
        var financeRequests = Single(samples, "pqg_graphql_requests_total", operation, "finance");
        Assert.Equal(3, financeRequests.Value);
        Assert.Equal("ok", financeRequests.Labels["pqg_outcome"]);
        Assert.Equal("query", financeRequests.Labels["graphql_operation_type"]);
        Assert.Equal(1, Single(samples, "pqg_graphql_requests_total", operation, "tax").Value);
        Assert.Equal(3, Single(samples, "pqg_graphql_query_cost_count", operation, "finance").Value);
        Assert.Equal(3 * 7, Single(samples, "pqg_graphql_query_cost_sum", operation, "finance").Value);
        Assert.Equal(11, Single(samples, "pqg_graphql_query_cost_sum", operation, "tax").Value);
        Assert.Contains(samples, s => s.Name == "pqg_graphql_query_cost_bucket"
            && s.Labels.GetValueOrDefault("pqg_department") == "finance" && s.Labels["le"] == "10" && s.Value == 3);
        Assert.Equal(3, Single(samples, "pqg_graphql_request_duration_seconds_count", operation, "finance").Value);
        Assert.True(
            Single(samples, "pqg_graphql_request_database_duration_seconds_sum", operation, "finance").Value > 0);
        Assert.Contains(samples, s => s.Name == "pqg_graphql_requests_total"
            && s.Labels["pqg_department"] == "(none)" && s.Labels["pqg_outcome"] == "unauthorised");
        Assert.Contains(samples, s => s.Name == "pqg_db_command_duration_seconds_count"
            && s.Labels.GetValueOrDefault("db_system_name") == "sqlite" && s.Value > 0);
        Assert.Contains(samples, s => s.Name == "http_server_request_duration_seconds_count"
            && s.Labels.GetValueOrDefault("http_route") == "/graphql");
    }

    /// <summary>
    /// A refusal answered 200 (Accept: application/json) is counted as its access log entry has it, not "ok": a
    /// syntax error and a fragment cycle are validation errors, a document too deep is a limit.
    /// </summary>
    [Fact]
    public async Task Refusals_answered_200_are_counted_with_the_access_logs_outcome()
    {
        var from = new RemoteAddress();
        using var server = Scrapable(from);
        using var partner = WithTokenOf(server, "yrd-partner");
        var before = await ScrapeAsync(server);
        var deep = "{ " + string.Concat(Enumerable.Repeat("enterprises { ", 200)) + new string('}', 201);
        foreach (var (document, code) in new[]
        {
            ("{ enterprises(first: 1) { ", "SYNTAX_ERROR"),
            ("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }", "NO_FRAGMENT_CYCLES"),
            (deep, "DOCUMENT_TOO_DEEP"),
        })
        {
            var reply = await partner.PostAsync(document, accept: "application/json");
            Assert.Equal((HttpStatusCode.OK, code), (reply.Status, reply.FirstErrorCode));
        }

        // The exporter answers a scrape from its cache for 300 ms (OpenTelemetry's default): wait that out.
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        var after = await ScrapeAsync(server);
        Assert.Equal(0, Counted(after, "ok") - Counted(before, "ok"));
        Assert.Equal(2, Counted(after, "validation_error") - Counted(before, "validation_error"));
        Assert.Equal(1, Counted(after, "limited") - Counted(before, "limited"));

        static double Counted(IReadOnlyList<PrometheusText.Sample> samples, string outcome) =>
            samples.Where(s => s.Name == "pqg_graphql_requests_total"
                && s.Labels.GetValueOrDefault("pqg_department") == "yrd-partner"
                && s.Labels.GetValueOrDefault("pqg_outcome") == outcome).Sum(s => s.Value);
    }

    [Fact]
    public async Task Operation_names_are_bounded_per_department_and_variables_never_become_labels()
    {
        using var server = Scrapable(new RemoteAddress(), maxNames: 2);
        using var finance = WithTokenOf(server, "finance");
        foreach (var name in new[] { "First", "Second", "Third", "Fourth" })
        {
            (await finance.PostAsync(Enterprises(name), new { n = 2 }, name)).EnsureData();
        }

        (await finance.PostAsync("{ enterprises(first: 1) { totalCount } }")).EnsureData();
        var samples = (await ScrapeAsync(server)).Where(s => s.Name == "pqg_graphql_requests_total"
            && s.Labels["pqg_department"] == "finance").ToList();
        var names = samples.Select(s => s.Labels["graphql_operation_name"]).ToHashSet();
        Assert.Equal(["(anonymous)", "(other)", "First", "Second"], names.Order(StringComparer.Ordinal));
        Assert.Equal(2, samples.Single(s => s.Labels["graphql_operation_name"] == "(other)").Value);
        Assert.DoesNotContain(samples, s => s.Labels.Values.Any(v => v == "2"));
    }

    [Fact]
    public async Task Only_allowed_networks_and_loopback_may_scrape()
    {
        var from = new RemoteAddress();
        using var server = Scrapable(from);
        using var client = server.CreateClient();

        from.Value = IPAddress.Parse("192.0.2.10");
        var refused = await client.SendRawAsync(HttpMethod.Get, "/metrics", accept: null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("FORBIDDEN", refused.FirstErrorCode);
        Assert.DoesNotContain("pqg_", refused.Body, StringComparison.Ordinal);

        from.Value = IPAddress.Loopback;
        Assert.Equal(HttpStatusCode.OK, (await client.SendRawAsync(HttpMethod.Get, "/metrics", accept: null)).Status);

        // The shared test server has no allowed network, and a test client has no address: refused.
        Assert.Equal(HttpStatusCode.Forbidden,
            (await factory.CreateClient().SendRawAsync(HttpMethod.Get, "/metrics", accept: null)).Status);
    }

    [Fact]
    public async Task The_endpoint_can_be_moved_or_switched_off()
    {
        using var moved = Scrapable(new RemoteAddress(), path: "/ops/metrics");
        Assert.Equal(HttpStatusCode.OK,
            (await moved.CreateClient().SendRawAsync(HttpMethod.Get, "/ops/metrics", accept: null)).Status);

        using var off = factory.WithWebHostBuilder(b => b.UseSetting("Telemetry:Prometheus:Enabled", "false"));
        Assert.Equal(HttpStatusCode.NotFound,
            (await off.CreateClient().SendRawAsync(HttpMethod.Get, "/metrics", accept: null)).Status);
    }

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Scrapable(RemoteAddress from,
        int maxNames = 20, string path = "/metrics")
    {
        _ = factory.Services; // the shared server seeds the database first; this one reuses it
        from.Value ??= IPAddress.Parse("10.1.2.3");
        return factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Telemetry:Prometheus:AllowedNetworks:0", "10.0.0.0/8");
            b.UseSetting("Telemetry:Prometheus:Path", path);
            b.UseSetting("Telemetry:MaxOperationNamesPerDepartment", maxNames.ToString(
                System.Globalization.CultureInfo.InvariantCulture));
            b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(from));
        });
    }

    private HttpClient WithTokenOf(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> server,
        string department)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = factory.ClientFor(department).DefaultRequestHeaders.Authorization;
        return client;
    }

    private static async Task<IReadOnlyList<PrometheusText.Sample>> ScrapeAsync(
        Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> server)
    {
        var reply = await server.CreateClient().SendRawAsync(HttpMethod.Get, "/metrics", accept: null);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return PrometheusText.Parse(reply.Body);
    }

    private static PrometheusText.Sample Single(IReadOnlyList<PrometheusText.Sample> samples, string name,
        string operation, string department) =>
        Assert.Single(samples, s => s.Name == name
            && s.Labels.GetValueOrDefault("graphql_operation_name") == operation
            && s.Labels.GetValueOrDefault("pqg_department") == department);

    /// <summary>Test requests come from no address; this gives them the one a test chooses.</summary>
    private sealed class RemoteAddress : IStartupFilter
    {
        public IPAddress? Value { get; set; }

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = Value;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}

/// <summary>The metrics tests' own server, run after every parallel collection has finished.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<GraphServerFactory>
{
    public const string Name = "metrics, alone";
}
