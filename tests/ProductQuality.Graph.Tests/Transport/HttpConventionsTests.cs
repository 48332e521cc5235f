using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// Every address the server maps, found from its routing table, keeps the HTTP conventions: a method it does not
/// take is 405 with a JSON error and code, HEAD answers as GET does without a body, and an address nobody maps is 404
/// with a JSON error — the bodiless answers routing gives by itself are not what a partner's client can read.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HttpConventionsTests(GraphServerFactory factory)
{
    [Fact]
    public async Task Every_mapped_address_refuses_a_method_it_does_not_take_with_a_coded_405()
    {
        var client = factory.ClientFor("samr-jiaxing");
        var mapped = Mapped();
        Assert.True(mapped.Count >= 8, string.Join(", ", mapped.Select(m => m.Path)));
        foreach (var (path, _) in mapped)
        {
            // No address takes DELETE; one mapped for every method must refuse it itself, in the same words.
            var reply = await client.SendRawAsync(HttpMethod.Delete, path, accept: "application/json");
            Assert.True(reply.Status == HttpStatusCode.MethodNotAllowed, $"DELETE {path}: {(int)reply.Status}");
            Assert.Equal("METHOD_NOT_ALLOWED", reply.FirstErrorCode);
            Assert.Contains("DELETE", reply.FirstErrorMessage, StringComparison.Ordinal);
            var allow = reply.Response.Content.Headers.Allow;
            Assert.NotEmpty(allow);
            Assert.True(!allow.Contains("GET") || allow.Contains("HEAD"), $"{path}: Allow {string.Join(", ", allow)}");
        }
    }

    /// <summary>A client pointed at the bare host was told only the methods allowed there (the protocol probe).
    /// </summary>
    [Fact]
    public async Task A_post_to_the_root_is_told_where_GraphQL_is()
    {
        var reply = await factory.ClientFor("samr-jiaxing").SendRawAsync(HttpMethod.Post, "/",
            accept: "application/json");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, reply.Status);
        Assert.Contains("GraphQL is at /graphql (POST, or GET for queries).", reply.FirstErrorMessage,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_answer_says_nosniff_and_a_GraphQL_answer_is_not_stored()
    {
        // Mapped addresses, an asset, an address nobody maps (whose error echoes the path) and a refused method.
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var urls = Mapped().Select(m => m.Path == "/graphql" ? "/graphql?query=%7B__typename%7D" : m.Path)
            .Append("/graphql/ide/ide.js").Append("/nowhere%3Cscript%3E").ToList();
        foreach (var url in urls)
        {
            using var answer = await client.GetAsync(url);
            Assert.True(answer.Headers.TryGetValues("X-Content-Type-Options", out var sniff)
                && sniff.Single() == "nosniff", $"GET {url}: {(int)answer.StatusCode} without nosniff");
        }

        var graphQL = await factory.ClientFor("samr-jiaxing")
            .PostAsync("{ enterprises(first: 1) { edges { node { legalRepresentative } } } }");
        Assert.Equal("no-store", graphQL.Response.Headers.CacheControl?.ToString());
        using var get = await client.GetAsync("/graphql?query=%7B__typename%7D");
        Assert.Equal("no-store", get.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Every_address_that_takes_get_answers_head_alike_without_a_body()
    {
        // Redirects are compared, not followed (HttpClient follows a HEAD's redirect with a GET).
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var (path, _) in Mapped().Where(m => m.Methods is null || m.Methods.Contains("GET")))
        {
            var url = path == "/graphql" ? "/graphql?query=%7B__typename%7D" : path;
            using var get = await client.GetAsync(url);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            Assert.True(get.StatusCode == head.StatusCode,
                $"{url}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
            var body = await head.Content.ReadAsStringAsync();
            Assert.True(body.Length == 0, $"HEAD {url}: {body}");
        }
    }

    [Theory]
    [InlineData("/graphql")]
    [InlineData("/graphql?query=%7B__typename%7D")]
    [InlineData("/")]
    public async Task Head_writes_no_body(string url)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        var body = await head.Content.ReadAsStringAsync();
        Assert.True(body.Length == 0, $"HEAD {url}: {(int)head.StatusCode} {body}");
    }

    [Theory]
    [InlineData("/nope")]
    [InlineData("/graphql/x")]
    [InlineData("/graphql/ide/nope.js")]
    public async Task An_address_nobody_maps_is_a_coded_404_that_points_to_the_endpoint(string path)
    {
        var reply = await factory.CreateClient().SendRawAsync(HttpMethod.Get, path, accept: "application/json");
        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("NOT_FOUND", reply.FirstErrorCode);
        Assert.Contains("/graphql", reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(reply.Json.GetProperty("errors")[0].GetProperty("extensions")
            .GetProperty("requestId").GetString()));
    }

    /// <summary>Every address of the routing table without route parameters, with the methods it takes.</summary>
    private List<(string Path, IReadOnlyList<string>? Methods)> Mapped() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count == 0 && e.RoutePattern.RawText is not null)
            .Select(e => ("/" + e.RoutePattern.RawText!.TrimStart('/'),
                e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods))
            .GroupBy(m => m.Item1)
            .Select(g => (g.Key, g.Any(m => m.Item2 is null)
                ? null : (IReadOnlyList<string>?)g.SelectMany(m => m.Item2!).Distinct().ToList()))
            .ToList();
}
