using System.Net;
using System.Text.Json;
using ProductQuality.Graph.Tests.WebSockets;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// Over a real socket (Kestrel's request-line limit does not exist in the in-memory test server): a GET carries any
/// document a POST may, and one over the document limit gets the endpoint's coded error, not Kestrel's bare 414.
/// </summary>
public sealed class LongGetRequestTests(WebSocketServer server) : IClassFixture<WebSocketServer>
{
    /// <summary>The default <c>GraphQL:MaxDocumentLength</c>.</summary>
    private const int MaxDocumentLength = 32 * 1024;

    [Fact]
    public async Task A_document_longer_than_kestrels_default_request_line_is_answered()
    {
        // About 20 KB of document, 9 KB more than Kestrel's default 8 KB request line.
        var document = "{ " + string.Concat(Enumerable.Repeat("__typename ", 1_800)) + "}";

        var (status, body) = await GetAsync(document);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Query", JsonDocument.Parse(body).RootElement
            .GetProperty("data").GetProperty("__typename").GetString());
    }

    [Theory]
    [InlineData("a")]
    [InlineData("质")] // 9 bytes percent-encoded: the widest a character gets in a URL
    public async Task A_document_over_the_limit_by_get_is_413_document_too_large_with_a_body(string filler)
    {
        var document = "{ __typename } # " + string.Concat(Enumerable.Repeat(filler, MaxDocumentLength));

        var (status, body) = await GetAsync(document);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("errors")[0];
        Assert.Equal("DOCUMENT_TOO_LARGE", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string document)
    {
        using var client = new HttpClient { BaseAddress = server.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get,
            "/graphql?query=" + Uri.EscapeDataString(document));
        request.Headers.Add("Accept", "application/graphql-response+json");
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
