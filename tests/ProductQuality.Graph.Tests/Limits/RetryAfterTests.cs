using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Infrastructure.Http.Limits;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// A 429 RATE_LIMITED says how long until the window that admits the request begins, not the whole window: a probe's
/// 429s at +0.1 s, +15 s and +30 s of a minute each said 60 s. The rate's clock is a fake one the test moves; tokens
/// keep the real clock.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RetryAfterTests(GraphServerFactory factory)
{
    [Fact]
    public async Task A_refusal_part_way_through_the_window_says_the_time_left_and_after_it_the_request_is_served()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var server = RatedOn(clock, new Dictionary<string, string>
        {
            ["Access:Departments:tax:Limits:RequestsPerWindow"] = "2",
            ["Access:Departments:tax:Limits:WindowSeconds"] = "60",
        });
        var tax = server.ClientFor("tax");
        (await tax.PostAsync("{ __typename }")).EnsureData();
        (await tax.PostAsync("{ __typename }")).EnsureData();

        clock.Advance(TimeSpan.FromSeconds(15));
        AssertWait(await tax.PostAsync("{ __typename }"), 45);

        // Part of a second left is a whole second: a client waiting what it was told is served.
        clock.Advance(TimeSpan.FromSeconds(44.5));
        AssertWait(await tax.PostAsync("{ __typename }"), 1);

        clock.Advance(TimeSpan.FromSeconds(0.5));
        (await tax.PostAsync("{ __typename }")).EnsureData();
    }

    [Fact]
    public async Task The_public_and_requests_refused_before_the_caller_is_known_are_told_the_time_left_too()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var server = RatedOn(clock, new Dictionary<string, string>
        {
            ["Access:Public:Limits:RequestsPerWindow"] = "1",
            ["Access:Public:Limits:WindowSeconds"] = "600",
        });
        var anonymous = server.ClientFor(null);
        (await anonymous.PostAsync("{ __typename }")).EnsureData();

        clock.Advance(TimeSpan.FromSeconds(200));
        AssertWait(await anonymous.PostAsync("{ __typename }"), 400);
        clock.Advance(TimeSpan.FromSeconds(100));
        AssertWait(await anonymous.SendRawAsync(HttpMethod.Post, "/graphql", "{bad"), 300);

        clock.Advance(TimeSpan.FromSeconds(300));
        (await anonymous.PostAsync("{ __typename }")).EnsureData();
    }

    private LimitedServer RatedOn(FakeTimeProvider clock, Dictionary<string, string> settings) =>
        new(factory, settings, services => services.Replace(ServiceDescriptor.Singleton(provider =>
            new DepartmentRateLimiter(provider.GetRequiredService<UsageLimitsPolicy>(), clock))));

    /// <summary>The same wait in the header, in extensions and in the message.</summary>
    private static void AssertWait(GraphQLReply refused, int seconds)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("RATE_LIMITED", refused.FirstErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(seconds), refused.Response.Headers.RetryAfter?.Delta);
        var error = refused.Json.GetProperty("errors")[0];
        Assert.Equal(seconds, error.GetProperty("extensions").GetProperty("retryAfterSeconds").GetInt64());
        Assert.EndsWith(
            $"Retry after {seconds} s.", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
