using System.Net;
using System.Net.Http.Headers;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>
/// Every forged or broken token is a 401 with a JSON body and code, and a one-line challenge in our words:
/// <c>Bearer error="invalid_token", error_description="…"</c> — no IDX codes, no library text, no 500.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class TokenFailureTests(GraphServerFactory factory)
{
    public static TheoryData<string, string> Forgeries()
    {
        var data = new TheoryData<string, string>();
        foreach (var (why, token) in TokenForgeries.All())
        {
            data.Add(why, token);
        }

        return data;
    }

    [Theory]
    [InlineData("/graphql?query=%7B__typename%7D")]
    [InlineData("/graphql/ide/session")]
    [InlineData("/graphql/ide/examples")]
    [InlineData("/graphql/schema.graphql")]
    public async Task Every_address_that_reads_a_token_challenges_a_bad_one(string url)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer x");
        var reply = await client.SendRawAsync(HttpMethod.Get, url, accept: "application/json");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("INVALID_TOKEN", reply.FirstErrorCode);
        Assert.StartsWith("Bearer error=\"invalid_token\"",
            Assert.Single(reply.Response.Headers.WwwAuthenticate).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_or_broken_token_is_401_in_our_words(string why, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + token);
        var reply = await client.PostAsync("{ enterprises(first: 1) { edges { node { phone } } } }");

        CleanAnswer.Assert(reply, why);
        Assert.True(reply.Status == HttpStatusCode.Unauthorized, $"{why}: {(int)reply.Status} {reply.Body}");
        Assert.Equal("INVALID_TOKEN", reply.FirstErrorCode);
        var challenge = Assert.Single(reply.Response.Headers.WwwAuthenticate).ToString();
        Assert.Matches("^Bearer error=\"invalid_token\", error_description=\"[^\"\\r\\n]+\"$", challenge);
        Assert.Contains(reply.FirstErrorMessage, challenge, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dept array", "has a list as its 'dept' claim")]
    [InlineData("expired", "expired")]
    [InlineData("wrong key", "signature")]
    [InlineData("altered payload", "signature")]
    [InlineData("HS512", "signature")]
    [InlineData("not yet valid", "not valid yet")]
    [InlineData("three dots", "not a JWT")]
    [InlineData("critical extension", "critical extensions ('crit')")]
    [InlineData("expiry not a number", "exp claim must be a number of seconds")]
    [InlineData("subject a number", "sub claim must be a string")]
    [InlineData("dept lone surrogate", "dept claim is not valid text")]
    public async Task The_reason_names_the_failure(string why, string expected)
    {
        var token = TokenForgeries.All().Single(f => f.Why == why).Token;
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var reply = await client.PostAsync("{ __typename }");
        Assert.Contains(expected, reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_well_formed_token_is_still_accepted()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TokenForgeries.Signed(TokenForgeries.Payload(dept: "\"finance\"")));
        (await client.PostAsync("{ enterprises(first: 1) { totalCount } }")).EnsureData();
    }
}
