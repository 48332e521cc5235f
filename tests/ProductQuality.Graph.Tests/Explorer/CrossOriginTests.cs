using System.Net;
using Microsoft.AspNetCore.Hosting;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Explorer;

/// <summary>
/// Browsers on other origins (a partner's own front end, a hosted IDE) may call the endpoint only when the origin
/// is configured in <c>GraphQL:Cors:AllowedOrigins</c>; by default none is.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CrossOriginTests : IClassFixture<CrossOriginTests.PartnerOriginServer>
{
    private const string Partner = "https://credit.example.gov.cn";
    private readonly PartnerOriginServer _configured;
    private readonly GraphServerFactory _default;

    public CrossOriginTests(PartnerOriginServer configured, GraphServerFactory byDefault) =>
        (_configured, _default) = (configured, byDefault);

    [Fact]
    public async Task A_configured_origin_passes_the_preflight_and_reads_the_answer()
    {
        using var client = _configured.CreateClient();
        using var preflight = await client.SendAsync(Preflight(Partner));
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(Partner, preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowedHeaders = string.Join(",", preflight.Headers.GetValues("Access-Control-Allow-Headers"));
        Assert.Contains("authorization", allowedHeaders, StringComparison.OrdinalIgnoreCase);

        foreach (var address in new[] { "/graphql", "/graphql/", "/GraphQL" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, address + "?query=%7B__typename%7D");
            request.Headers.Add("Origin", Partner);
            using var answer = await client.SendAsync(request);
            Assert.Equal(Partner, answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        }
    }

    [Theory]
    [InlineData("apollographql-client-name,apollographql-client-version,content-type")]
    [InlineData("apollo-require-preflight,authorization")]
    [InlineData("traceparent,tracestate,baggage,sentry-trace,x-purpose")]
    public async Task What_common_browser_clients_add_passes_the_preflight(string headers)
    {
        using var client = _configured.CreateClient();
        using var preflight = Preflight(Partner);
        preflight.Headers.Remove("Access-Control-Request-Headers");
        preflight.Headers.Add("Access-Control-Request-Headers", headers);
        using var answer = await client.SendAsync(preflight);
        var allowed = string.Join(",", answer.Headers.GetValues("Access-Control-Allow-Headers"))
            .Split(',', StringSplitOptions.TrimEntries);
        foreach (var header in headers.Split(','))
        {
            Assert.Contains(header, allowed, StringComparer.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Another_origin_and_every_origin_by_default_get_no_permission()
    {
        using var configured = _configured.CreateClient();
        using var other = await configured.SendAsync(Preflight("https://elsewhere.example.com"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));

        using var byDefault = _default.CreateClient();
        using var partner = await byDefault.SendAsync(Preflight(Partner));
        Assert.False(partner.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    /// <summary>The test server with one partner origin allowed.</summary>
    public sealed class PartnerOriginServer : GraphServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("GraphQL:Cors:AllowedOrigins:0", Partner);
        }
    }
}
