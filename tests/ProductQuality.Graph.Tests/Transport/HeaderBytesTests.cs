using System.Net.Sockets;
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
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server.Address.Host, server.Address.Port);
        var head = $"POST /graphql HTTP/1.1\r\nHost: {server.Address.Authority}\r\nContent-Type: application/json\r\n"
            + $"Accept: application/json\r\n{header}\r\nContent-Length: {json.Length}\r\nConnection: close\r\n\r\n"
            + json;
        await socket.SendAsync(Encoding.Latin1.GetBytes(head));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
        {
            answer.Write(buffer, 0, read);
        }

        var text = Encoding.UTF8.GetString(answer.ToArray());
        var end = text.IndexOf("\r\n", StringComparison.Ordinal);
        return (text[..Math.Max(end, 0)], text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }
}
