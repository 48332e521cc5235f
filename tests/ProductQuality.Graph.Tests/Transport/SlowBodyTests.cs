using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ProductQuality.Graph.Tests.WebSockets;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// Over a real socket (Kestrel, not the in-memory test server): a body that stops arriving is refused by Kestrel's
/// minimum data rate. That is the client's doing: 408 with a code, as a GraphQL error, never 500. (A body cut short
/// by the client closing its side cannot be answered at all: Kestrel takes it as the connection's end.)
/// </summary>
public sealed class SlowBodyTests(WebSocketServer server) : IClassFixture<WebSocketServer>
{
    private const string Start = "{\"query\":\"{ __typ";

    [Fact]
    public async Task A_body_that_stops_arriving_is_408_request_timeout()
    {
        // Kestrel's default minimum rate allows a 5 s grace period before it gives up on the body.
        var (status, body) = await SendAsync();
        Assert.Equal(408, status);
        Assert.Equal("REQUEST_TIMEOUT", CodeOf(body));
    }

    private async Task<(int Status, string Body)> SendAsync()
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server.Address.Host, server.Address.Port);
        var head = $"POST /graphql HTTP/1.1\r\nHost: {server.Address.Authority}\r\nContent-Type: application/json\r\n"
            + "Accept: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n" + Start;
        await socket.SendAsync(Encoding.ASCII.GetBytes(head));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var answer = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
        {
            answer.Write(buffer, 0, read);
        }

        var text = Encoding.UTF8.GetString(answer.ToArray());
        var status = int.Parse(text.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        // The JSON object, whether the answer came with a length or in chunks.
        var body = text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        return (status, body[body.IndexOf('{', StringComparison.Ordinal)..(body.LastIndexOf('}') + 1)]);
    }

    private static string? CodeOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
    }
}
