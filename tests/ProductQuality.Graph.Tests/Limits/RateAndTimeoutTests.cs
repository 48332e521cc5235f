using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Infrastructure.Http.Limits;
using ProductQuality.Graph.Tests.Audit;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// Per-department request rates (429 with Retry-After, the public per address and stricter), the execution timeout
/// and the validation of the limit settings, each on a host of its own over the shared database.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RateAndTimeoutTests(GraphServerFactory factory)
{
    [Fact]
    public async Task A_department_over_its_rate_gets_429_with_retry_after_and_others_are_still_served()
    {
        using var server = new LimitedServer(factory, new Dictionary<string, string>
        {
            ["Access:Limits:RequestsPerWindow"] = "1000",
            ["Access:Departments:tax:Limits:RequestsPerWindow"] = "3",
            ["Access:Departments:tax:Limits:WindowSeconds"] = "3600",
            ["Access:Public:Limits:RequestsPerWindow"] = "2",
            ["Access:Public:Limits:WindowSeconds"] = "3600",
        });
        var tax = server.ClientFor("tax");

        for (var i = 0; i < 3; i++)
        {
            (await tax.PostAsync("{ __typename }")).EnsureData();
        }

        // 400 under the GraphQL response media type; legacy application/json answers 200 with the error.
        foreach (var (accept, status) in new[]
        {
            (GraphQLHttp.ResponseMediaType, HttpStatusCode.BadRequest), ("application/json", HttpStatusCode.OK),
        })
        {
            var refused = await tax.PostAsync("{ __typename }", accept: accept);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
            Assert.Equal("RATE_LIMITED", refused.FirstErrorCode);
            var retryAfter = refused.Response.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value.TotalSeconds, 1, 3600);
        }

        (await server.ClientFor("finance").PostAsync("{ __typename }")).EnsureData();
        var anonymous = server.ClientFor(null);
        (await anonymous.PostAsync("{ __typename }")).EnsureData();
        (await anonymous.PostAsync("{ __typename }")).EnsureData();
        var publicRefused = await anonymous.PostAsync("{ __typename }");
        Assert.Equal(HttpStatusCode.TooManyRequests, publicRefused.Status);
        var extensions = publicRefused.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(2, extensions.GetProperty("limit").GetInt32());

        // An enterprise token has the public's limits, counted per enterprise, and is named as such: it was told
        // "department 'enterprise-self' may send …", its contract's name, as if all enterprises shared one count.
        var enterprise = server.ClientForEnterprise("913304831LXE3BD9A5");
        (await enterprise.PostAsync("{ __typename }")).EnsureData();
        (await enterprise.PostAsync("{ __typename }")).EnsureData();
        var enterpriseRefused = await enterprise.PostAsync("{ __typename }");
        Assert.Equal(HttpStatusCode.TooManyRequests, enterpriseRefused.Status);
        Assert.StartsWith("Too many requests: the enterprise token of 913304831LXE3BD9A5 may send 2 per 3600 s.",
            enterpriseRefused.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_refused_before_the_caller_is_known_count_against_the_address()
    {
        using var server = new LimitedServer(factory, new Dictionary<string, string>
        {
            ["Access:Public:Limits:RequestsPerWindow"] = "4",
            ["Access:Public:Limits:WindowSeconds"] = "3600",
        });
        var client = server.ClientFor(null);
        var refusals = new Func<Task<GraphQLReply>>[]
        {
            () => client.SendRawAsync(HttpMethod.Post, "/graphql", "{bad"),
            () => client.SendRawAsync(HttpMethod.Post, "/graphql", "{}", contentType: "text/plain"),
            () => client.SendRawAsync(HttpMethod.Get, "/graphql"),
            () => WithAuthorization(client, "Bearer garbage"),
        };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            var reply = await refusals[i % refusals.Length]();
            CleanAnswer.Assert(reply, $"refusal {i}");
            statuses.Add(reply.Status);
        }

        Assert.All(statuses.Take(4), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.All(statuses.Skip(4), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        var anonymous = await client.PostAsync("{ __typename }");
        Assert.Equal("RATE_LIMITED", anonymous.FirstErrorCode);
        Assert.NotNull(anonymous.Response.Headers.RetryAfter);

        // A department's own budget is not the address's: it is still served. Its token is read before its body, so
        // a body that cannot be read is the department's (its rate, its log entry), not the address's: it was refused
        // with the public's 429 although the department had used none of its own rate.
        var finance = server.ClientFor("finance");
        var unread = await finance.SendRawAsync(HttpMethod.Post, "/graphql", "{bad");
        Assert.Equal(HttpStatusCode.BadRequest, unread.Status);
        Assert.Equal("INVALID_JSON", unread.FirstErrorCode);
        (await finance.PostAsync("{ __typename }")).EnsureData();
        var forged = await WithAuthorization(client, "Bearer garbage");
        Assert.Equal(HttpStatusCode.TooManyRequests, forged.Status);
        Assert.Contains("requests whose token was refused",
            forged.Json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Refusals past the rate are logged one by one up to as many again as the rate in a window, then only counted: a
    /// tokenless loop wrote 39,620 entries (20 MB) in ten seconds, every one of them a 429 that returned nothing.
    /// </summary>
    [Fact]
    public async Task Refusals_past_the_rate_are_logged_up_to_the_rate_again_then_only_answered()
    {
        using var server = new LimitedServer(factory, new Dictionary<string, string>
        {
            ["Access:Departments:sci-tech:Limits:RequestsPerWindow"] = "2",
            ["Access:Departments:sci-tech:Limits:WindowSeconds"] = "3600",
        });
        var purpose = AccessLogProbe.NewPurpose("past-rate");
        var client = server.ClientFor("sci-tech");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await AccessLogProbe.PostAsync(client, "{ __typename }", purpose)).Status);
        }

        Assert.Equal(
            [.. Enumerable.Repeat(HttpStatusCode.OK, 2), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 6)],
            statuses);
        var entries = await factory.EntriesAsync(purpose);
        Assert.Equal([null, null, "RATE_LIMITED", "RATE_LIMITED"], entries.Select(e => e.ErrorCode));
    }

    /// <summary>
    /// Each department's places bound one caller; the server's bound them all: many departments (or the public from
    /// many addresses) at once wait for a place, then 503 SERVER_BUSY. Another department is refused here, not held.
    /// </summary>
    [Fact]
    public async Task Past_the_servers_places_any_caller_is_told_the_server_is_busy()
    {
        using var server = new LimitedServer(factory, new Dictionary<string, string>
        {
            ["GraphQL:Limits:MaxConcurrentRequests"] = "1",
            ["GraphQL:Limits:MaxQueuedRequests"] = "0",
        }, ExecutionGate.Install);
        var gate = server.Services.GetRequiredService<ExecutionGate>();
        var held = gate.Hold("HeldServer");
        var running = server.ClientFor("drc").PostAsync("query HeldServer { __typename }", operationName: "HeldServer");
        await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var busy = await server.ClientFor("finance").PostAsync("{ __typename }");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.Status);
        Assert.Equal("SERVER_BUSY", busy.FirstErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(1), busy.Response.Headers.RetryAfter?.Delta);

        held.Release();
        (await running).EnsureData();
        (await server.ClientFor("finance").PostAsync("{ __typename }")).EnsureData();
    }

    private static async Task<GraphQLReply> WithAuthorization(HttpClient client, string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(
                """{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await GraphQLReply.ReadAsync(await client.SendAsync(request));
    }

    /// <summary>
    /// A write stopped at the deadline (it may have waited behind other writes or a recompute batch) is told to send
    /// it again with its idempotency key; it was told to ask for smaller pages (the writes probe).
    /// </summary>
    [Fact]
    public void A_write_past_the_timeout_is_told_to_retry_with_its_idempotency_key()
    {
        var limits = factory.Services.GetRequiredService<QueryLimits>();
        var result = new GraphQL.ExecutionResult { Errors = [new GraphQL.Execution.TimeoutError()] };

        var write = limits.CheckTimedOut(result, TimeSpan.FromSeconds(11), isWrite: true);
        var query = limits.CheckTimedOut(result, TimeSpan.FromSeconds(11));

        Assert.Equal("QUERY_TIMEOUT", write?.Code);
        Assert.Contains("same idempotencyKey", write!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pages", write.Message, StringComparison.Ordinal);
        Assert.Contains("smaller pages", query!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_running_past_the_timeout_is_stopped_with_query_timeout()
    {
        using var server = new LimitedServer(factory, new Dictionary<string, string>
        {
            ["GraphQL:Limits:ExecutionTimeoutMs"] = "1",
        });

        // 400 under the GraphQL response media type; legacy application/json answers 200 with the error.
        foreach (var (accept, status) in new[]
        {
            (GraphQLHttp.ResponseMediaType, HttpStatusCode.BadRequest), ("application/json", HttpStatusCode.OK),
        })
        {
            // The deadline is a timer on the thread pool: on a machine loaded by the whole suite it can fire after a
            // fast execution has already finished. An execution that finishes first did not run past the timeout, so
            // it is asked again (at most five times); the first one the deadline stops must be answered as below.
            GraphQLReply reply;
            var attempts = 0;
            do
            {
                reply = await server.ClientFor("samr-jiaxing").PostAsync(
                    "{ enterprises(first: 400) { totalCount edges { node { name products { name } "
                    + "classHistory { class } inspections(limit: 2) { passed } } } } }", accept: accept);
            }
            while (++attempts < 5 && reply.Status == HttpStatusCode.OK && reply.Json.TryGetProperty("data", out _));

            Assert.True(status == reply.Status, $"{accept}: {reply.Status} {reply.Json}");
            Assert.Equal("QUERY_TIMEOUT", reply.FirstErrorCode);
            Assert.False(reply.Json.TryGetProperty("data", out _));
        }
    }

    [Theory]
    [InlineData("Access:Limits:MaxCost", "0", "Access:Limits:MaxCost")]
    [InlineData("Access:Public:Limits:RequestsPerWindow", "-1", "Access:Public:Limits:RequestsPerWindow")]
    [InlineData("Access:Departments:tax:Limits:WindowSeconds", "0", "Access:Departments:tax:Limits:WindowSeconds")]
    [InlineData("Access:Departments:tax:Limits:MaxConcurrentRequests", "0",
        "Setting Access:Departments:tax:Limits:MaxConcurrentRequests is 0, which is not allowed: it must be between 1 "
        + "and 10000")]
    [InlineData("Access:Public:Limits:MaxQueuedRequests", "-1", "Access:Public:Limits:MaxQueuedRequests")]
    [InlineData("GraphQL:Limits:MaxAliases", "0", "MaxAliases")]
    [InlineData("GraphQL:Limits:ListSizes:Region.children", "-2", "ListSizes")]
    public void Wrong_limit_settings_are_refused_naming_the_setting(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section);
        services.AddQueryLimits();
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = provider.GetRequiredService<IOptions<AccessOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<QueryLimitsOptions>>().Value;
        });

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
