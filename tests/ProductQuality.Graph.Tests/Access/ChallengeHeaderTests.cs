using System.Net;
using System.Net.Http.Headers;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Tests.WebSockets;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>
/// A 401's reason is repeated in <c>WWW-Authenticate</c>, and Kestrel refuses any character outside ASCII in a
/// response header: a refusal whose message held '…' (a token in the address, a quoted value cut short) became a 500
/// on a real server, which the in-memory test server had let through (the re-probe). Checked over a real socket.
/// </summary>
public sealed class ChallengeHeaderTests(WebSocketServer server) : IClassFixture<WebSocketServer>
{
    [Theory]
    [InlineData("/graphql?token=x", null)]
    [InlineData("/graphql?query=%7B__typename%7D&access_token=abc", null)]
    [InlineData("/graphql?JWT=abc", "Bearer abc")]
    public async Task A_refusal_whose_reason_is_not_ascii_is_still_a_401_with_its_challenge(
        string address, string? authorization)
    {
        using var http = new HttpClient { BaseAddress = server.Address };
        using var request = new HttpRequestMessage(address.Contains("query=", StringComparison.Ordinal)
            ? HttpMethod.Get : HttpMethod.Post, address);
        if (request.Method == HttpMethod.Post)
        {
            request.Content = new StringContent("{\"query\":\"{ __typename }\"}", null, "application/json");
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var answer = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        var challenge = Assert.Single(answer.Headers.WwwAuthenticate);
        Assert.All(challenge.ToString(), c => Assert.InRange(c, ' ', '~'));
    }

    [Fact]
    public void Any_description_becomes_printable_ascii()
    {
        var random = new Random(20261206);
        for (var i = 0; i < 2_000; i++)
        {
            var text = new string(
                [.. Enumerable.Range(0, random.Next(0, 60)).Select(_ => (char)random.Next(0, 0x3000))]);
            var safe = TokenFailure.HeaderSafe(text);
            Assert.All(safe, c => Assert.True(c is >= ' ' and <= '~' and not '"', $"U+{(int)c:X4} in '{safe}'"));
            Assert.True(AuthenticationHeaderValue.TryParse(TokenFailure.Challenge("invalid_token", text), out _));
        }

        Assert.Equal("cut short...", TokenFailure.HeaderSafe("cut short…"));
    }
}
