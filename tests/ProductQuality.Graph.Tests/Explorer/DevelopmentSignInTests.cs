using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Explorer;

/// <summary>
/// The IDE's department picker mints development tokens in the Development environment only; anywhere else the
/// route does not exist, and the session answer offers no departments.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DevelopmentSignInTests : IClassFixture<DevelopmentSignInTests.DevelopmentServer>
{
    private readonly DevelopmentServer _development;
    private readonly GraphServerFactory _testing;

    public DevelopmentSignInTests(DevelopmentServer development, GraphServerFactory testing) =>
        (_development, _testing) = (development, testing);

    [Fact]
    public async Task In_development_the_picker_mints_a_token_that_signs_in_as_that_department()
    {
        using var client = _development.CreateClient();
        using var minted = await client.PostAsJsonAsync("/graphql/ide/sign-in", new { department = "finance" });
        Assert.Equal(HttpStatusCode.OK, minted.StatusCode);
        var token = (await minted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();

        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var session = await client.GetFromJsonAsync<JsonElement>("/graphql/ide/session");
        Assert.Equal("finance", session.GetProperty("department").GetString());
        Assert.Equal("finance", session.GetProperty("contract").GetString());
        Assert.Contains(
            "tax", session.GetProperty("developmentDepartments").EnumerateArray().Select(d => d.GetString()));
        (await client.PostAsync("{ enterprises(first: 1) { totalCount } }")).EnsureData();
    }

    [Theory]
    [InlineData("{\"department\": \"treasury\"}")]
    [InlineData("{\"department\": 7}")]
    [InlineData("{\"department\"")]
    [InlineData("")]
    public async Task A_department_not_in_the_policy_or_a_broken_body_is_a_clear_400(string body)
    {
        using var client = _development.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/graphql/ide/sign-in", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"UNKNOWN_DEPARTMENT\"", text, StringComparison.Ordinal);
        Assert.Contains("finance", text, StringComparison.Ordinal);   // says which departments there are
    }

    [Fact]
    public async Task A_compressed_body_is_415_as_at_the_endpoint()
    {
        using var client = _development.CreateClient();
        using var content = new StringContent("{\"department\": \"finance\"}", Encoding.UTF8, "application/json");
        content.Headers.ContentEncoding.Add("gzip");
        using var response = await client.PostAsync("/graphql/ide/sign-in", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("\"code\":\"UNSUPPORTED_CONTENT_ENCODING\"", await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
        Assert.Equal("identity", string.Join(",", response.Headers.GetValues("Accept-Encoding")));
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:5080")]
    [InlineData("localhost.attacker.example")]
    public async Task Under_a_name_that_is_not_localhost_the_picker_mints_nothing(string host)
    {
        // DNS rebinding: a site's name pointed at the developer's machine makes its page the server's own origin.
        using var response = await SignInAtAsync(host);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"SIGN_IN_HOST_NOT_ALLOWED\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("token\":", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:5080")]
    [InlineData("[::1]:5080")]
    [InlineData("dev.localhost")]
    [InlineData("localhost.:5080")]
    public async Task At_localhost_or_an_address_the_picker_mints(string host)
    {
        using var response = await SignInAtAsync(host);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SignInAtAsync(string host)
    {
        using var client = _development.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql/ide/sign-in")
        {
            Content = JsonContent.Create(new { department = "samr-jiaxing" }),
        };
        request.Headers.Host = host;
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task No_other_origin_may_call_the_picker_even_when_every_origin_may_call_the_endpoint()
    {
        using var server = new DevelopmentServer { AllowEveryOrigin = true };
        using var client = server.CreateClient();
        foreach (var path in new[] { "/graphql/ide/sign-in", "/health/ready", "/metrics" })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, path);
            preflight.Headers.Add("Origin", "https://evil.example.com");
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
            using var answer = await client.SendAsync(preflight);
            Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"), path);
        }

        using var endpoint = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        endpoint.Headers.Add("Origin", "https://evil.example.com");
        using var allowed = await client.SendAsync(endpoint);
        Assert.Equal("*", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Outside_development_there_is_no_picker_and_no_way_to_mint()
    {
        using var client = _testing.CreateClient();
        using var minted = await client.PostAsJsonAsync("/graphql/ide/sign-in", new { department = "finance" });
        Assert.Equal(HttpStatusCode.NotFound, minted.StatusCode);
        var session = await client.GetFromJsonAsync<JsonElement>("/graphql/ide/session");
        Assert.Equal(JsonValueKind.Null, session.GetProperty("department").ValueKind);
        Assert.Equal("public", session.GetProperty("contract").GetString());
        Assert.Equal(JsonValueKind.Null, session.GetProperty("developmentDepartments").ValueKind);
    }

    /// <summary>The test server in the Development environment (still with the test-only signing key).</summary>
    public sealed class DevelopmentServer : GraphServerFactory
    {
        /// <summary>GraphQL:Cors:AllowedOrigins ["*"].</summary>
        public bool AllowEveryOrigin { get; init; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
            if (AllowEveryOrigin)
            {
                builder.UseSetting("GraphQL:Cors:AllowedOrigins:0", "*");
            }
        }
    }
}
