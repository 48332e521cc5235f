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
        var head = $"POST /graphql HTTP/1.1\r\nHost: {server.Address.Authority}\r\nContent-Type: application/json\r\n"
            + "Accept: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n" + Start;
        var (status, _, body) = await RawHttp.ExchangeAsync(server.Address, Encoding.ASCII.GetBytes(head));
        // The JSON object, whether the answer came with a length or in chunks.
        return (status, body[body.IndexOf('{', StringComparison.Ordinal)..(body.LastIndexOf('}') + 1)]);
    }

    private static string? CodeOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
    }
}
