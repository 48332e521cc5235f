using System.Text;
using ProductQuality.Graph.Tests.WebSockets;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// Over a real socket (Kestrel decodes headers; the in-memory server does not): a header value that is not UTF-8 is
/// answered by the check of the header it is in, with a code, never Kestrel's bare 400; a header nobody reads is
/// ignored.
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
