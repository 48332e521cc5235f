using System.IO.Compression;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using ProductQuality.Graph.Tests.Infrastructure;
using ProductQuality.Graph.Tests.WebSockets;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// Over a real socket (Kestrel frames the body; the in-memory server does not): a body Kestrel cannot frame is the
/// client's error, 400 with a code, never a 500 or a connection dropped unanswered, and a client that resets its
/// connection mid-body is logged as a caller that left. A chunk size over 2^31 was a logged 500, a Content-Length of
/// 21 digits or more went unanswered with a stack trace in the log, a reset was an ERROR entry (the wire probe).
/// </summary>
public sealed class BodyFramingTests(WebSocketServer server) : IClassFixture<WebSocketServer>
{
    public static TheoryData<string> ChunkSizes =>
        ["zz", "-1", "80000000", "ffffffff", "100000000", "ffffffffffffffffff", new string('1', 30)];

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public async Task A_chunk_size_kestrel_cannot_read_is_400_invalid_request(string size)
    {
        var request = Head("/graphql", "Transfer-Encoding: chunked") + $"{size}\r\n{{}}\r\n0\r\n\r\n";
        var (status, _, body) = await RawHttp.ExchangeAsync(server.Address, Encoding.ASCII.GetBytes(request));
        Assert.True(status == 400, $"{status}: {body}");
        Assert.Contains("\"code\":\"INVALID_REQUEST\"", body, StringComparison.Ordinal);
        Assert.Contains("its chunked encoding is broken", body, StringComparison.Ordinal);   // no Content-Length
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("999999999999999999999")]
    [InlineData("111111111111111111111111111111")]
    public async Task A_content_length_of_any_number_of_digits_is_answered_400(string length)
    {
        var request = Head("/graphql", $"Content-Length: {length}") + "{}";
        var (status, _, _) = await RawHttp.ExchangeAsync(server.Address, Encoding.ASCII.GetBytes(request));
        Assert.Equal(400, status);
    }

    /// <summary>
    /// Kestrel removes the chunking and nothing else: a gzip transfer coding before it reached the endpoint as
    /// compressed bytes and was answered "not valid UTF-8 (byte 0x8B at offset 1)" (the wire probe). Now the 415 a
    /// Content-Encoding gets, naming the header; chunked alone, in any case, is the body as is.
    /// </summary>
    [Theory]
    [InlineData("gzip, chunked", 415)]
    [InlineData("x-gzip,chunked", 415)]
    [InlineData("deflate , chunked", 415)]
    [InlineData("chunked", 200)]
    [InlineData("Chunked", 200)]
    public async Task A_transfer_coding_other_than_chunked_is_refused_naming_it(string codings, int expected)
    {
        var json = Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\"}");
        var payload = codings.Contains("gzip", StringComparison.Ordinal) ? Gzip(json) : json;
        var request = Encoding.ASCII.GetBytes(Head("/graphql", $"Transfer-Encoding: {codings}")
                + $"{payload.Length:x}\r\n").Concat(payload).Concat(Encoding.ASCII.GetBytes("\r\n0\r\n\r\n"))
            .ToArray();
        var (status, head, body) = await RawHttp.ExchangeAsync(server.Address, request);
        Assert.True(status == expected, $"{status}: {body}");
        if (expected == 415)
        {
            Assert.Contains("\"code\":\"UNSUPPORTED_CONTENT_ENCODING\"", body, StringComparison.Ordinal);
            Assert.Contains($"Transfer-Encoding '{codings}'", body, StringComparison.Ordinal);
            Assert.Contains("Accept-Encoding: identity", head, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.Contains("\"__typename\":\"Query\"", body, StringComparison.Ordinal);
        }
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return compressed.ToArray();
    }

    [Fact]
    public async Task A_client_that_resets_mid_body_is_logged_as_having_left_not_as_a_server_fault()
    {
        var purpose = $"reset-{Guid.NewGuid():N}";
        using (var socket = new Socket(SocketType.Stream, ProtocolType.Tcp))
        {
            await socket.ConnectAsync(server.Address.Host, server.Address.Port);
            var request = Head("/graphql", "Content-Length: 100", $"X-Purpose: {purpose}") + "{\"query\":";
            await socket.SendAsync(Encoding.ASCII.GetBytes(request));
            await Task.Delay(300);
            socket.LingerState = new LingerOption(true, 0);   // closed with a reset, not a FIN
        }

        var regulator = server.ClientFor("samr-jiaxing");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement edges;
        do
        {
            await Task.Delay(100);
            edges = (await regulator.PostAsync("""
                query($purpose: String!) { accessLog(filter: { purpose: $purpose }, first: 5) {
                  edges { node { status outcome errorCode } } } }
                """, new { purpose })).EnsureData().Data.GetProperty("accessLog").GetProperty("edges");
        }
        while (edges.GetArrayLength() == 0 && DateTime.UtcNow < deadline);

        var entry = Assert.Single(edges.EnumerateArray()).GetProperty("node");
        Assert.Equal((499, "CANCELLED", "CLIENT_CLOSED_REQUEST"), (entry.GetProperty("status").GetInt32(),
            entry.GetProperty("outcome").GetString(), entry.GetProperty("errorCode").GetString()));
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("ffffffff")]
    public async Task The_development_sign_in_answers_a_broken_body_with_a_code_not_a_stack_trace(string size)
    {
        using var development = new DevelopmentKestrelServer();
        var request = Head("/graphql/ide/sign-in", "Transfer-Encoding: chunked") + $"{size}\r\n{{}}\r\n0\r\n\r\n";
        var (status, _, body) = await RawHttp.ExchangeAsync(development.Address, Encoding.ASCII.GetBytes(request));
        Assert.True(status == 400, $"{status}: {body}");
        Assert.Contains("\"code\":\"INVALID_REQUEST\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    private string Head(string path, params string[] headers) =>
        $"POST {path} HTTP/1.1\r\nHost: {server.Address.Authority}\r\nContent-Type: application/json\r\n"
        + "Accept: application/json\r\nConnection: close\r\n" + string.Concat(headers.Select(h => h + "\r\n"))
        + "\r\n";

    /// <summary>The sign-in route exists in the Development environment only.</summary>
    private sealed class DevelopmentKestrelServer : WebSocketServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }
}
