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
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }
}
