using System.Net;
using System.Text;
using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// The POST body is read into a pooled buffer sized by Content-Length, growing when the length is not given: bodies
/// of every size around the growth points, with and without a length, arrive whole; one over the limit is refused.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RequestBodyReadingTests(GraphServerFactory factory)
{
    private readonly HttpClient _client = factory.ClientFor("samr-jiaxing");

    public static TheoryData<int, bool> Sizes()
    {
        var data = new TheoryData<int, bool>();
        foreach (var size in new[] { 0, 1, 4_000, 4_095, 4_096, 4_097, 8_193, 100_000, 1_000_000 })
        {
            data.Add(size, true);
            data.Add(size, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task A_body_of_any_size_under_the_limit_arrives_whole(int padding, bool withLength)
    {
        // The query comes last, so a lost or reordered chunk breaks the JSON or the document.
        var body = $$"""{"extensions":{"pad":"{{new string('x', padding)}}"},"query":"{ __typename }"}""";
        var reply = await SendAsync(body, withLength);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        using var json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        Assert.Equal("Query", json.RootElement.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_is_413_with_or_without_a_length(bool withLength)
    {
        var body = $$"""{"extensions":{"pad":"{{new string('x', 1_100_000)}}"},"query":"{ __typename }"}""";
        var reply = await SendAsync(body, withLength);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.StatusCode);
        using var json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        Assert.Equal("REQUEST_TOO_LARGE",
            json.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    private Task<HttpResponseMessage> SendAsync(string body, bool withLength)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        HttpContent content = withLength ? new ByteArrayContent(bytes) : new UnknownLengthContent(bytes);
        content.Headers.ContentType = new("application/json");
        return _client.PostAsync("/graphql", content);
    }

    /// <summary>
    /// A body sent in pieces without a Content-Length header (chunked), as streaming clients send it.
    /// </summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var at = 0; at < bytes.Length; at += 1_000)
            {
                await stream.WriteAsync(bytes.AsMemory(at, Math.Min(1_000, bytes.Length - at)));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
