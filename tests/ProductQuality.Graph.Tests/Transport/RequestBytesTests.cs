using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// The bytes of a request body before any JSON is read: bytes that are not UTF-8 anywhere in the body (in the query,
/// a variable's value or name, the extensions, a member nobody reads) are 400 INVALID_JSON saying so, never 500; a
/// byte order mark is skipped; a member given twice is refused; media types are matched as RFC 9110 says.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RequestBytesTests(GraphServerFactory factory)
{
    private const string Valid = """
        {"query":"query($c: String!) { product(code: $c) { code } }","variables":{"c":"P001","x":["y"]},
        "extensions":{"e":{"f":"g"}},"unread":"h","operationName":null}
        """;

    /// <summary>Sequences no UTF-8 text holds: a stray continuation byte, 0xFF, an overlong NUL, an encoded surrogate,
    /// a code point past U+10FFFF, and a sequence cut short.</summary>
    private static readonly byte[][] NotUtf8 =
        [[0x80], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8]];

    private readonly HttpClient _client = factory.ClientFor("finance");

    [Fact]
    public async Task Bytes_that_are_not_utf8_anywhere_in_the_body_are_invalid_json_naming_the_offset()
    {
        var valid = Encoding.UTF8.GetBytes(Valid);
        var failures = new List<string>();
        for (var at = 0; at <= valid.Length; at++)
        {
            foreach (var bad in NotUtf8)
            {
                byte[] body = [.. valid[..at], .. bad, .. valid[at..]];
                var reply = await PostBytesAsync(body);
                if (CleanAnswer.Violation(reply) is { } why)
                {
                    failures.Add($"at {at}, {Convert.ToHexString(bad)}: {why}");
                }
                else if (reply.Status != HttpStatusCode.BadRequest || reply.FirstErrorCode != "INVALID_JSON"
                    || !reply.FirstErrorMessage!.Contains($"not valid UTF-8 (byte 0x{bad[0]:X2} at offset {at})",
                        StringComparison.Ordinal))
                {
                    failures.Add($"at {at}, {Convert.ToHexString(bad)}: {(int)reply.Status} {reply.Body}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(10)));
    }

    [Fact]
    public async Task A_byte_order_mark_before_the_body_is_skipped()
    {
        var reply = await PostBytesAsync([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Valid)]);
        Assert.Equal("P001", reply.EnsureData().Data.GetProperty("product").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{"query":"{ __typename }","query":"{ city { name } }"}""", "query")]
    [InlineData("""{"query":"query($c: String!) { product(code: $c) { code } }","variables":{"c":"P001","c":"P004"}}""",
        "c")]
    [InlineData("""{"query":"{ __typename }","extensions":{"a":{"b":1,"b":2}}}""", "b")]
    public async Task A_member_given_twice_is_refused_naming_it(string body, string member)
    {
        var reply = await _client.SendRawAsync(HttpMethod.Post, "/graphql", body);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INVALID_JSON", reply.FirstErrorCode);
        Assert.Contains($"'{member}'", reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_error_gives_no_advice_meant_for_programmers()
    {
        var reply = await _client.SendRawAsync(HttpMethod.Post, "/graphql", """{"query":"{ __typename }",}""");
        Assert.Equal("INVALID_JSON", reply.FirstErrorCode);
        Assert.DoesNotContain("reader options", reply.FirstErrorMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Application/JSON", "application/json")]
    [InlineData("APPLICATION/GRAPHQL-RESPONSE+JSON", "application/graphql-response+json")]
    [InlineData("application/GraphQL-Response+JSON;q=0.9, application/json;q=0.1", "application/graphql-response+json")]
    public async Task Accept_is_matched_without_regard_to_case(string accept, string expected)
    {
        var reply = await _client.SendRawAsync(HttpMethod.Post, "/graphql", """{"query":"{ __typename }"}""",
            accept: accept);
        reply.EnsureData();
        Assert.Equal(expected, reply.Response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json;charset=\"UTF-8\"")]
    [InlineData("Application/Json; Charset=utf-8")]
    // UTF-8's other label (WHATWG Encoding), which some clients send: it was 415.
    [InlineData("application/json; charset=UTF8")]
    public async Task A_quoted_or_capitalised_charset_is_utf8_still(string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"query":"{ __typename }"}""")),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        (await GraphQLReply.ReadAsync(await _client.SendAsync(request))).EnsureData();
    }

    [Fact]
    public async Task An_error_message_quoting_a_huge_input_is_cut()
    {
        var code = new string('A', 200_000);
        var reply = await _client.PostAsync("query($c: String!) { a: enterprise(creditCode: $c) { name } "
            + "b: enterprise(creditCode: $c) { name } }", new { c = code });
        Assert.Equal("INVALID_CREDIT_CODE", reply.FirstErrorCode);
        Assert.InRange(reply.FirstErrorMessage!.Length, 40, 200);
        Assert.InRange(reply.Body.Length, 100, 5_000);

        var field = new string('x', 10_000);
        var unknown = await _client.PostAsync("{ " + field + " }");
        Assert.True(unknown.HasErrors);
        Assert.InRange(unknown.FirstErrorMessage!.Length, 100, 2_100);
    }

    private async Task<GraphQLReply> PostBytesAsync(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Accept.ParseAdd(GraphQLHttp.ResponseMediaType);
        return await GraphQLReply.ReadAsync(await _client.SendAsync(request));
    }
}
