using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit.Tracker;

/// <summary>
/// What an enterprise token cannot do: read anything outside its contract (its own tracker and status), pass when
/// expired, altered or signed with another key; and what nobody gets: a 5xx for any creditCode or cursor text.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class TrackerRefusalTests(GraphServerFactory factory)
{
    private const string Code = "913304831LXE3BD9A5";

    public static TheoryData<string> OutsideTheContract() => new()
    {
        "{ enterprise(creditCode: \"913304831LXE3BD9A5\") { name } }",
        "{ enterprises(first: 1) { totalCount } }",
        "{ enterpriseStatuses(creditCodes: [\"913304831LXE3BD9A5\"]) { class } }",
        "{ accessLog(first: 1) { totalCount } }",
        "{ accessSummary { total } }",
        "{ blacklist(first: 1) { totalCount } }",
        "{ fourColorMap { code } }",
        "{ myEnterprise { products { name } } }",
    };

    [Theory]
    [MemberData(nameof(OutsideTheContract))]
    public async Task An_enterprise_token_cannot_ask_outside_its_contract(string query)
    {
        var reply = await factory.ClientForEnterprise(Code).PostAsync(query);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", reply.FirstErrorCode);
    }

    [Fact]
    public async Task An_enterprise_token_has_no_mutations_or_subscriptions()
    {
        var client = factory.ClientForEnterprise(Code);
        foreach (var query in new[] { "mutation { __typename }", "subscription { __typename }" })
        {
            var reply = await client.PostAsync(query);
            Assert.True(reply.Status is HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed, reply.Body);
            Assert.False(reply.Json.TryGetProperty("data", out var data)
                && data.ValueKind != System.Text.Json.JsonValueKind.Null, reply.Body);
        }
    }

    public static TheoryData<string, Func<TrackerRefusalTests, string>> BadTokens() => new()
    {
        { "expired", _ => Token(DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddMinutes(-5)) },
        { "tampered", t => Tampered(t.Issued()) },
        { "department key", _ => Token(DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5), DepartmentKey) },
        { "no credit code", _ => Token(DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5), code: null) },
        { "malformed credit code", _ => Token(DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5), code: "91330") },
        { "critical extension", _ => Token(DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5), critical: true) },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_enterprise_token_gets_the_401_a_bad_department_token_gets(
        string why, Func<TrackerRefusalTests, string> token)
    {
        var reply = await SendAsync(token(this));
        Assert.True(reply.Status == HttpStatusCode.Unauthorized, $"{why}: {(int)reply.Status} {reply.Body}");
        Assert.Equal("INVALID_TOKEN", reply.FirstErrorCode);
        Assert.Contains("invalid_token", reply.Response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_enterprise_token_is_told_it_expired_like_a_department_token()
    {
        var enterprise = await SendAsync(Token(DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddMinutes(-5)));
        var department = await SendAsync(new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "productquality-graph-dev", Audience = "productquality-graph",
            Subject = new ClaimsIdentity([new Claim("sub", "t"), new Claim("dept", "finance")]),
            IssuedAt = DateTime.UtcNow.AddHours(-2), NotBefore = DateTime.UtcNow.AddHours(-2),
            Expires = DateTime.UtcNow.AddMinutes(-5),
            SigningCredentials = new SigningCredentials(DepartmentKey, SecurityAlgorithms.HmacSha256),
        }));
        Assert.Equal(department.Status, enterprise.Status);
        Assert.Equal(department.FirstErrorCode, enterprise.FirstErrorCode);
        Assert.Equal(department.FirstErrorMessage, enterprise.FirstErrorMessage);
        Assert.Equal(department.Response.Headers.WwwAuthenticate.ToString(),
            enterprise.Response.Headers.WwwAuthenticate.ToString());
    }

    public static TheoryData<string> MalformedCodes() => new()
    {
        "", "91330", "913304831LXE3BD9A6", "913304831lxe3bd9a5", "ＡＢＣ", "913304831LXE3BD9A5 ",
    };

    [Theory]
    [MemberData(nameof(MalformedCodes))]
    public async Task A_malformed_code_is_a_clear_error_for_the_regulator_and_the_enterprise(string code)
    {
        var regulator = await factory.ClientFor("samr-jiaxing").PostAsync(
            "query($c: String!) { whoAccessed(creditCode: $c) { totalCount } }", new { c = code });
        Assert.Equal("INVALID_CREDIT_CODE", regulator.FirstErrorCode);
        var enterprise = await factory.ClientForEnterprise(Code).PostAsync(
            "query($c: String) { whoAccessed(creditCode: $c) { totalCount } }", new { c = code });
        Assert.Equal("INVALID_CREDIT_CODE", enterprise.FirstErrorCode);
    }

    [Fact]
    public async Task Arbitrary_code_and_cursor_text_never_gives_a_server_error()
    {
        var random = new Random(20261203);
        var texts = new List<string?> { null, "", " ", "\0", "'; drop table access_log; --", new string('9', 5000),
            "bmV3ZXN0", "TmV3ZXN0Rmlyc3Q6MTow", "Ω≈ç√∫", "\uD800", Code, Code.ToLowerInvariant() };
        for (var i = 0; i < 40; i++)
        {
            texts.Add(new string(Enumerable.Range(0, random.Next(0, 30))
                .Select(_ => (char)random.Next(32, 0x3000)).ToArray()));
        }

        var regulator = factory.ClientFor("samr-jiaxing");
        var enterprise = factory.ClientForEnterprise(Code);
        foreach (var text in texts)
        {
            foreach (var (client, type) in new[] { (regulator, "String!"), (enterprise, "String") })
            {
                var byCode = await client.PostAsync(
                    $"query($c: {type}) {{ whoAccessed(creditCode: $c) {{ totalCount }} }}", new { c = text });
                var byCursor = await client.PostAsync(
                    $"query($c: {type}, $a: String) {{ whoAccessed(creditCode: $c, after: $a) {{ totalCount }} }}",
                    new { c = Code, a = text });
                foreach (var reply in new[] { byCode, byCursor })
                {
                    Assert.True((int)reply.Status < 500, $"{text}: {(int)reply.Status} {reply.Body}");
                    Assert.True(!reply.HasErrors || reply.FirstErrorCode is { Length: > 0 }, reply.Body);
                    Assert.DoesNotContain("INTERNAL_ERROR", reply.Body, StringComparison.Ordinal);
                }
            }
        }
    }

    private static readonly SymmetricSecurityKey DepartmentKey =
        new(Convert.FromBase64String(TestServerFactory.TestSigningKey));

    private static readonly SymmetricSecurityKey EnterpriseKey =
        new(Convert.FromBase64String(TestServerFactory.TestEnterpriseKey));

    private static string Token(DateTime from, DateTime until, SymmetricSecurityKey? key = null, string? code = Code,
        bool critical = false)
    {
        var claims = new List<Claim> { new("sub", code ?? "nobody") };
        if (code is not null)
        {
            claims.Add(new Claim("ent", code));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "productquality-graph-enterprise", Audience = "productquality-graph-enterprise",
            Subject = new ClaimsIdentity(claims), IssuedAt = from, NotBefore = from, Expires = until,
            SigningCredentials = new SigningCredentials(key ?? EnterpriseKey, SecurityAlgorithms.HmacSha256),
            // RFC 7515 §4.1.11: an extension the server does not understand, marked critical (the fuzz probe).
            AdditionalHeaderClaims = critical
                ? new Dictionary<string, object> { ["crit"] = new[] { "pqg-ext" }, ["pqg-ext"] = 1 }
                : null,
        });
    }

    private string Issued() => factory.Services
        .GetRequiredService<ProductQuality.Graph.Access.EnterpriseTokens.EnterpriseTokenIssuer>()
        .Issue(Code, TimeSpan.FromMinutes(10));

    /// <summary>The payload rewritten to another enterprise, the signature kept.</summary>
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace(Code, "91330481MA2B3C4D5X", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    private async Task<GraphQLReply> SendAsync(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostAsync("{ myEnterprise { class } }");
    }
}
