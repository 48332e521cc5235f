using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Audit;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.Receipts;

namespace ProductQuality.Graph.Tests.Access.IdentityProvider;

/// <summary>
/// Production tokens (Auth:Authority set): validated against the keys the identity provider publishes, fetched by
/// JwtBearer over its backchannel — here an in-memory provider. When the provider cannot be reached, a caller is
/// told so (503, try again), not that its token is bad, and readiness says so; no request waits on a provider that
/// does not answer for longer than the server's own bound.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class IdentityProviderTests(GraphServerFactory factory)
{
    private const string Query = "{\"query\":\"{ enterprises(first: 1) { edges { node { name } } } }\"}";

    [Fact]
    public async Task A_token_the_provider_signed_is_served()
    {
        using var provider = new FakeIdentityProvider();
        await using var server = Start(provider);

        using var response = await PostAsync(server, provider.Issue("finance"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("\"name\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"errors\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_signed_with_a_key_the_provider_does_not_publish_is_refused_as_a_bad_token()
    {
        using var provider = new FakeIdentityProvider();
        await using var server = Start(provider);
        using var other = RSA.Create(2048);

        using var response = await PostAsync(server,
            provider.Issue("finance", new RsaSecurityKey(other) { KeyId = "not-the-providers" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("INVALID_TOKEN", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_provider_is_unreachable_tokens_get_503_not_401_and_readiness_says_why()
    {
        using var provider = new FakeIdentityProvider { State = FakeIdentityProvider.Mode.Down };
        await using var server = Start(provider);
        var token = provider.Issue("finance");
        var purpose = AccessLogProbe.NewPurpose("idp-away");

        using (var refused = await PostAsync(server, token, purpose))
        {
            var body = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, body);
            Assert.Contains("IDENTITY_PROVIDER_UNAVAILABLE", body, StringComparison.Ordinal);
            Assert.Contains("Auth:Authority", body, StringComparison.Ordinal);
            Assert.DoesNotContain("IDX", body, StringComparison.Ordinal);   // never the library's text
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Empty(refused.Headers.WwwAuthenticate);   // not a challenge: the token was not judged
        }

        var entry = await factory.EntryAsync(purpose);
        Assert.Equal((AccessOutcome.Error, 503, "IDENTITY_PROVIDER_UNAVAILABLE"),
            (entry.Outcome, entry.Status, entry.ErrorCode));

        // The public is served meanwhile (no token to check), and readiness stays up, degraded, with the reason.
        using (var anonymous = await server.CreateClient().PostAsync("/graphql", Json(Query)))
        {
            Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        }

        using (var ready = await server.CreateClient().GetAsync("/health/ready"))
        {
            var report = await ready.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            using var json = JsonDocument.Parse(report);
            var check = json.RootElement.GetProperty("checks").EnumerateArray()
                .Single(c => c.GetProperty("name").GetString() == "identity-provider");
            Assert.Equal("Degraded", check.GetProperty("status").GetString());
            Assert.Contains("Auth:Authority", check.GetProperty("description").GetString(), StringComparison.Ordinal);
        }

        // When it answers again, the same token is served (the library retries after a short, growing wait).
        provider.State = FakeIdentityProvider.Mode.Up;
        var served = await WithinAsync(TimeSpan.FromSeconds(40), async () =>
        {
            using var again = await PostAsync(server, token);
            return again.StatusCode == HttpStatusCode.OK;
        });
        Assert.True(served, "the token was not served within 40 s of the provider answering again");
    }

    /// <summary>
    /// The provider rotated its keys while it cannot be reached: a token signed with the new key (a kid the server
    /// has not seen) was refused 401 "signature does not verify", so its client stopped retrying a good token (the
    /// re-probe). It is 503 like any token that cannot be checked; a token with a known key is served meanwhile, and
    /// with the provider up an unknown key is 401 as before.
    /// </summary>
    [Fact]
    public async Task A_token_signed_with_an_unseen_key_while_the_provider_is_away_is_503_not_401()
    {
        using var provider = new FakeIdentityProvider();
        await using var server = Start(provider);
        using (var first = await PostAsync(server, provider.Issue("finance")))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var rotated = RSA.Create(2048);
        var newKey = provider.Issue("tax", new RsaSecurityKey(rotated) { KeyId = "rotated-key" });
        provider.State = FakeIdentityProvider.Mode.Down;

        using (var refused = await PostAsync(server, newKey))
        {
            var body = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, body);
            Assert.Contains("IDENTITY_PROVIDER_UNAVAILABLE", body, StringComparison.Ordinal);
            Assert.Contains("rotated-key", body, StringComparison.Ordinal);
        }

        using (var known = await PostAsync(server, provider.Issue("industry-access")))
        {
            Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        }

        provider.State = FakeIdentityProvider.Mode.Up;
        await Task.Delay(TimeSpan.FromSeconds(6)); // past the reachability answer's standing
        using var unknown = await PostAsync(server, newKey);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    /// <summary>
    /// A token judged without keys — not a JWT, unsigned, signed with an algorithm not accepted — is refused as bad
    /// (401) while the provider is away too: told to try again, its client would retry for ever (the re-probe).
    /// </summary>
    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJkZXB0IjoiZmluYW5jZSJ9.")]
    public async Task A_token_judged_without_keys_is_refused_as_bad_while_the_provider_is_away(string token)
    {
        using var provider = new FakeIdentityProvider { State = FakeIdentityProvider.Mode.Down };
        await using var server = Start(provider);

        using var response = await PostAsync(server, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("INVALID_TOKEN", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_that_publishes_no_keys_is_unavailable_not_a_bad_signature()
    {
        using var provider = new FakeIdentityProvider { State = FakeIdentityProvider.Mode.Keyless };
        await using var server = Start(provider);

        using var response = await PostAsync(server, provider.Issue("finance"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, body);
        Assert.Contains("published no signing keys", body, StringComparison.Ordinal);
        using var ready = await server.CreateClient().GetAsync("/health/ready");
        Assert.Contains("published no signing keys", await ready.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_holds_a_request_no_longer_than_the_bound()
    {
        using var provider = new FakeIdentityProvider { State = FakeIdentityProvider.Mode.Silent };
        await using var server = Start(provider);

        var clock = Stopwatch.StartNew();
        using var response = await PostAsync(server, provider.Issue("finance"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("IDENTITY_PROVIDER_UNAVAILABLE", await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"answered after {clock.Elapsed}");

        // Readiness finds the same within its own time limit: degraded (200), not a check that timed out (503).
        using var ready = await server.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("did not answer within", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// While the provider fails the library waits 1, 2, 4 … s between fetches, up to its refresh interval: at the
    /// default 5 minutes, after an outage of a minute or more every token stayed refused for up to 5 minutes after the
    /// provider answered again (left open last session). Read from the manager the server's JwtBearer uses: waiting
    /// out the growth itself would hold this test for over a minute.
    /// </summary>
    [Fact]
    public async Task A_failing_provider_is_asked_again_at_least_every_30_seconds()
    {
        using var provider = new FakeIdentityProvider { State = FakeIdentityProvider.Mode.Down };
        await using var server = Start(provider);

        var jwt = server.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<JwtBearerOptions>>()
            .Get(JwtBearerDefaults.AuthenticationScheme);
        var manager = Assert.IsType<Microsoft.IdentityModel.Protocols.ConfigurationManager<
            Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration>>(jwt.ConfigurationManager);

        Assert.Equal(TimeSpan.FromSeconds(30), manager.RefreshInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), jwt.RefreshInterval);
    }

    private WebApplicationFactory<Program> Start(FakeIdentityProvider provider)
    {
        _ = factory.Services; // the shared server seeds the database first; this one reuses it
        return factory.WithWebHostBuilder(b => b
            .UseSetting("Auth:Authority", FakeIdentityProvider.Authority)
            .UseSetting("Auth:Issuer", FakeIdentityProvider.Issuer)
            .UseSetting("Auth:Audience", FakeIdentityProvider.Audience)
            .UseSetting("Receipts:SigningKey", ReceiptServer.NewKeyPem())
            .UseSetting("Receipts:KeyId", "receipts-idp-test")
            .ConfigureTestServices(s => s.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
                jwt => jwt.BackchannelHttpHandler = provider)));
    }

    private static async Task<HttpResponseMessage> PostAsync(WebApplicationFactory<Program> server, string token,
        string? purpose = null)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (purpose is not null)
        {
            client.DefaultRequestHeaders.Add(PurposeHeader.Name, purpose);
        }

        return await client.PostAsync("/graphql", Json(Query));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<bool> WithinAsync(TimeSpan limit, Func<Task<bool>> attempt)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (await attempt())
            {
                return true;
            }

            await Task.Delay(500);
        }

        return false;
    }
}
