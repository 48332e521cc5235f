using System.Net;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// JSON may escape lone UTF-16 surrogates that no text contains; wherever one appears in a request (query,
/// operation name, variables, extensions, high or low, at either end) the answer is a 400 with a code.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class UnicodeRequestTests(GraphServerFactory factory)
{
    private readonly HttpClient _client = factory.ClientFor("finance");

    public static TheoryData<string, string> LoneSurrogates()
    {
        var data = new TheoryData<string, string>();
        foreach (var s in new[] { @"\ud800", @"\udfff", @"\udbff", @"\udc00", @"\ud800\ud800", @"\udc00\ud800" })
        {
            data.Add(s, Body($"\"{s}\""));
            data.Add(s, Body($"\"{{ __typename }} # {s}\""));
            data.Add(s, Body("\"{ __typename }\"", $",\"operationName\":\"{s}\""));
            data.Add(s, Body("\"query($c: String!) { product(code: $c) { code } }\"",
                $",\"variables\":{{\"c\":\"P0{s}\"}}"));
            data.Add(s, Body("\"{ __typename }\"", $",\"variables\":{{\"{s}\":1}}"));
            data.Add(s, Body("\"{ __typename }\"", $",\"extensions\":{{\"x\":[\"{s}\"]}}"));
        }

        return data;
    }

    private static string Body(string query, string rest = "") => "{\"query\":" + query + rest + "}";

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public async Task A_lone_surrogate_anywhere_is_a_400_with_a_code(string surrogate, string body)
    {
        var reply = await _client.SendRawAsync(HttpMethod.Post, "/graphql", body);
        CleanAnswer.Assert(reply, body);
        Assert.True(reply.Status == HttpStatusCode.BadRequest, $"{surrogate}: {(int)reply.Status} {reply.Body}");
        Assert.Contains(reply.FirstErrorCode, new[] { "INVALID_JSON", "INVALID_VARIABLES", "INVALID_REQUEST" });
    }

    [Fact]
    public async Task A_surrogate_pair_is_ordinary_text()
    {
        var reply = await _client.SendRawAsync(HttpMethod.Post, "/graphql",
            """{"query":"{ __typename } # \ud83d\ude00"}""");
        reply.EnsureData();
    }

    [Fact]
    public async Task Invalid_utf8_in_a_get_parameter_is_not_a_fault()
    {
        var reply = await _client.SendRawAsync(HttpMethod.Get, "/graphql?query=%7B%20__typename%20%7D%20%23%ED%A0%80");
        CleanAnswer.Assert(reply, "invalid UTF-8 in GET");
    }

    [Theory]
    [InlineData("query=%ff", "not UTF-8")]
    [InlineData("query=%E0%80%80", "not UTF-8")]                          // an overlong encoding
    [InlineData("query=%7B__typename%7D&operationName=%ED%A0%80", "not UTF-8")]   // an encoded surrogate
    [InlineData("query=%7B__typename%7D&x=%zz", "starts no escape")]
    [InlineData("query=%7B__typename%7D%2", "starts no escape")]
    public async Task A_get_whose_escapes_are_not_utf8_is_named_as_such(string queryString, string why)
    {
        // Sent as is: HttpClient would escape a stray '%' itself, curl and others do not.
        var http = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/graphql";
            c.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?" + queryString);
        });
        var body = await new StreamReader(http.Response.Body).ReadToEndAsync();
        Assert.Equal(400, http.Response.StatusCode);
        Assert.Contains("\"INVALID_REQUEST\"", body, StringComparison.Ordinal);
        Assert.Contains(why, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_get_with_escaped_chinese_text_runs()
    {
        var reply = await _client.SendRawAsync(HttpMethod.Get,
            "/graphql?query=" + Uri.EscapeDataString("{ enterprise(creditCode: \"中\") { name } }"));
        Assert.NotEqual("INVALID_REQUEST", reply.FirstErrorCode);
    }
}
