using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>Bad tokens are refused with 401 and a reason — never treated as anonymous.</summary>
[Collection(ServerCollection.Name)]
public sealed class TokenTests(GraphServerFactory factory)
{
    private static readonly SymmetricSecurityKey TestKey =
        new(Convert.FromBase64String(GraphServerFactory.TestSigningKey));
    private static readonly SymmetricSecurityKey OtherKey =
        new(Encoding.UTF8.GetBytes("another-key-that-is-long-enough-for-hmac-256"));

    public static TheoryData<string, string> BadTokens() => new()
    {
        { "expired", Token(expires: DateTime.UtcNow.AddMinutes(-5)) },
        { "wrong issuer", Token(issuer: "someone-else") },
        { "wrong audience", Token(audience: "another-server") },
        { "wrong key", Token(key: OtherKey) },
        { "alg none", Unsigned() },
        { "garbage", "not.a.jwt" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_tokens_get_401_with_a_reason(string why, string token)
    {
        var reply = await SendAsync($"Bearer {token}");
        Assert.True(reply.Status == HttpStatusCode.Unauthorized, $"{why}: {(int)reply.Status} {reply.Body}");
        Assert.Equal("INVALID_TOKEN", reply.FirstErrorCode);
        Assert.Contains("invalid_token", reply.Response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_dept_is_refused()
    {
        var reply = await SendAsync("Bearer " + Token(department: null));
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        // Said as it is: it was told it had sent a list (the newcomer probe).
        Assert.StartsWith("The token has no 'dept' claim; the identity provider must issue it with exactly one",
            reply.FirstErrorMessage, StringComparison.Ordinal);

        var list = await SendAsync("Bearer " + Token(department: "finance\ntax"));
        Assert.Equal(HttpStatusCode.Unauthorized, list.Status);
        Assert.StartsWith("The token has a list as its 'dept' claim", list.FirstErrorMessage, StringComparison.Ordinal);
    }

    /// <summary>A blank department was 403 "Department ' ' has no access policy": it names none.</summary>
    [Theory]
    [InlineData(" ")]
    [InlineData("\u3000")]
    [InlineData("\u3164")]
    public async Task A_blank_dept_claim_is_told_it_is_blank(string department)
    {
        var reply = await SendAsync("Bearer " + Token(department: department));
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.StartsWith("The token has an empty or blank 'dept' claim", reply.FirstErrorMessage,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_department_is_forbidden()
    {
        var reply = await SendAsync("Bearer " + Token(department: "marketing"));
        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("UNKNOWN_DEPARTMENT", reply.FirstErrorCode);
    }

    [Fact]
    public async Task Other_schemes_are_refused()
    {
        var reply = await SendAsync("Basic dXNlcjpwYXNz");
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
    }

    [Fact]
    public async Task An_empty_authorization_header_is_refused_not_read_as_the_public()
    {
        // HttpClient drops a header without a value; fetch({ headers: { Authorization: "" } }) sends one.
        var body = await RefusedAsync("/graphql", "POST", "");
        Assert.Contains("\"INVALID_AUTHORIZATION\"", body, StringComparison.Ordinal);
        Assert.Contains("header is empty", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("bearer  ")]
    public async Task Bearer_without_a_token_is_told_the_token_is_missing(string header)
    {
        // Told "only bearer tokens are accepted" although it sent the Bearer scheme (the docs probe).
        var body = await RefusedAsync("/graphql", "POST", header);
        Assert.Contains("\"INVALID_AUTHORIZATION\"", body, StringComparison.Ordinal);
        Assert.Contains("says Bearer but carries no token", body, StringComparison.Ordinal);
    }

    /// <summary>A tab after Bearer was told "only bearer tokens are accepted" (the protocol probe).</summary>
    [Fact]
    public async Task A_tab_after_bearer_is_told_to_be_a_space()
    {
        var body = await RefusedAsync("/graphql", "POST", "Bearer\t" + Token());
        Assert.Contains("Separate Bearer and the token with a space", body, StringComparison.Ordinal);
    }

    /// <summary>
    /// A token in the address was ignored: the caller was served as the public and told its fields did not exist
    /// (the protocol probe). It is refused, saying where a token goes.
    /// </summary>
    [Theory]
    [InlineData("POST", "/graphql?access_token=abc")]
    [InlineData("POST", "/graphql?Token=abc")]
    [InlineData("GET", "/graphql?query=%7B__typename%7D&jwt=abc")]
    public async Task A_token_in_the_address_is_refused_with_where_it_goes(string method, string address)
    {
        var body = await RefusedAsync(address, method, authorization: null);
        Assert.Contains("\"INVALID_AUTHORIZATION\"", body, StringComparison.Ordinal);
        Assert.Contains("A token in the address", body, StringComparison.Ordinal);
        Assert.Contains("is not read: send it in the Authorization header", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_authorization_headers_are_refused_as_two_not_as_a_broken_token()
    {
        var client = factory.CreateClient();
        var token = "Bearer " + Token();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", [token, token]);
        var reply = await client.PostAsync("{ blacklist(first: 1) { totalCount } }");
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("INVALID_AUTHORIZATION", reply.FirstErrorCode);
        Assert.Contains("not 2", reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_unknown_department_is_quoted_by_its_start()
    {
        var reply = await SendAsync("Bearer " + Token(department: new string('d', 5_000)));
        Assert.Equal("UNKNOWN_DEPARTMENT", reply.FirstErrorCode);
        Assert.InRange(reply.FirstErrorMessage.Length, 1, 200);
        CleanAnswer.Assert(reply, "a 5,000-character dept claim");
    }

    [Fact]
    public async Task A_good_token_gets_its_contract()
    {
        var reply = await SendAsync("Bearer " + Token());
        reply.EnsureData();
    }

    // A request as the test server receives it (HttpClient drops or rewrites such headers): the body of its 401.
    private async Task<string> RefusedAsync(string address, string method, string? authorization)
    {
        var question = address.IndexOf('?', StringComparison.Ordinal);
        var http = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = question < 0 ? address : address[..question];
            c.Request.QueryString = question < 0 ? default : new QueryString(address[question..]);
            if (authorization is not null)
            {
                c.Request.Headers.Authorization = authorization;
            }

            if (method == "POST")
            {
                c.Request.ContentType = "application/json";
                c.Request.Body = new MemoryStream("{\"query\":\"{ __typename }\"}"u8.ToArray());
            }
        });
        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
        return await new StreamReader(http.Response.Body).ReadToEndAsync();
    }

    private async Task<GraphQLReply> SendAsync(string authorization)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);
        return await client.PostAsync("{ blacklist(first: 1) { totalCount } }");
    }

    private static string Token(string? department = "finance", string issuer = "productquality-graph-dev",
        string audience = "productquality-graph", DateTime? expires = null, SymmetricSecurityKey? key = null)
    {
        var claims = new List<Claim> { new("sub", "test") };
        // Departments on lines of their own make a list, as an identity provider mapping several groups does.
        claims.AddRange((department?.Split('\n') ?? []).Select(d => new Claim("dept", d)));

        var exp = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = exp.AddHours(-1),
            IssuedAt = exp.AddHours(-1),
            Expires = exp,
            SigningCredentials = new SigningCredentials(key ?? TestKey, SecurityAlgorithms.HmacSha256),
        });
    }

    private static string Unsigned()
    {
        static string B64(string s) => Base64UrlEncoder.Encode(s);
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return B64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." +
               B64($"{{\"iss\":\"productquality-graph-dev\",\"aud\":\"productquality-graph\","
                   + $"\"dept\":\"samr-jiaxing\",\"exp\":{exp}}}") + ".";
    }
}
