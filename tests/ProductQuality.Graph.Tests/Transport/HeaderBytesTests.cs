using System.Text;
using ProductQuality.Graph.Tests.WebSockets;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// Over a real socket (Kestrel decodes and counts headers; the in-memory server does not): a header value that is not
/// UTF-8 is answered by the check of the header it is in, with a code, never Kestrel's bare 400; a header nobody reads
/// is ignored; and many small headers are served as long as they fit the 32 KB of headers.
/// </summary>
public sealed class HeaderBytesTests(WebSocketServer server) : IClassFixture<WebSocketServer>
{
    [Theory]
    [InlineData("X-Purpose: caf\xe9", "400", "INVALID_PURPOSE")]
    [InlineData("Authorization: Bearer \xff\xfe", "401", "INVALID_TOKEN")]
    [InlineData("X-Anything: \xe8\x80", "200", "__typename")]
    public async Task A_header_that_is_not_utf8_is_answered_by_its_own_check(string header, string status,
        string expected)
    {
        var (statusLine, body) = await SendAsync(header);
        Assert.True(statusLine.Contains($" {status} ", StringComparison.Ordinal), $"{statusLine}\n{body}");
        Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    /// <summary>
    /// Kestrel's default count (100) gave a bare 431 to 101 small headers, 2 KB in all, while the contract names only
    /// the 32 KB of headers (the third-party clients probe). A request carries up to 1,000 header lines; past the
    /// count, or over 32 KB of headers whatever their count, it is still Kestrel's bare 431.
    /// </summary>
    [Theory]
    [InlineData(150, 1, "200")]
    [InlineData(990, 1, "200")]   // with the five the request carries anyway: 995 header lines, about 13 KB
    [InlineData(1_000, 1, "431")] // 1,005 header lines
    [InlineData(40, 1_000, "431")] // 40 KB of headers
    public async Task Many_small_headers_are_served_up_to_the_header_bytes(int count, int length, string status)
    {
        var headers = string.Join("\r\n", Enumerable.Range(0, count)
            .Select(i => $"X-Trace-{i:D4}: {new string('v', length)}"));

        var (statusLine, body) = await SendAsync(headers);

        Assert.True(statusLine.Contains($" {status} ", StringComparison.Ordinal), $"{statusLine}\n{body}");
        if (status == "200")
        {
            Assert.Contains("__typename", body, StringComparison.Ordinal);
        }
    }

    /// <summary>A POST of { __typename } with one extra header whose characters are sent as single bytes.</summary>
    private async Task<(string StatusLine, string Body)> SendAsync(string header)
    {
        const string json = "{\"query\":\"{ __typename }\"}";
        var head = $"POST /graphql HTTP/1.1\r\nHost: {server.Address.Authority}\r\nContent-Type: application/json\r\n"
            + $"Accept: application/json\r\n{header}\r\nContent-Length: {json.Length}\r\nConnection: close\r\n\r\n"
            + json;
        var (_, answerHead, body) = await RawHttp.ExchangeAsync(server.Address, Encoding.Latin1.GetBytes(head));
        return (answerHead.Split("\r\n")[0], body);
    }
}
