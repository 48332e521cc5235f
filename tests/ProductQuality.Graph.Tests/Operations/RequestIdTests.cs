using System.Net;
using System.Text.Json;
using ProductQuality.Graph.Operations.RequestIds;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Operations;

/// <summary>
/// One request id per request, the same in the <c>X-Request-Id</c> header and in every error body's
/// <c>extensions.requestId</c>; a caller's id is adopted only when it is short plain text, else replaced and never
/// echoed.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RequestIdTests(GraphServerFactory factory)
{
    /// <summary>Requests answered by each layer that writes errors: transport, identity, GraphQL validation,
    /// resolvers (field errors), success, and the health probe.</summary>
    public static TheoryData<string, string?, string, string?> Answers => new()
    {
        { "transport: broken JSON", null, "{\"query\": ", "INVALID_JSON" },
        { "identity: bad token", "bad-token", "{\"query\": \"{ __typename }\"}", "INVALID_TOKEN" },
        { "validation: unknown field", null, "{\"query\": \"{ noSuchField }\"}", "FIELDS_ON_CORRECT_TYPE" },
        {
            "resolver: malformed credit code", "samr-jiaxing",
            "{\"query\": \"{ a: enterprise(creditCode: \\\"x\\\") { name } "
                + "b: enterprise(creditCode: \\\"y\\\") { name } }\"}",
            "INVALID_CREDIT_CODE"
        },
        { "success", null, "{\"query\": \"{ __typename }\"}", null },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Every_answer_names_its_request_id_in_the_header_and_in_each_error(
        string what, string? department, string body, string? code)
    {
        using var client = department switch
        {
            null => factory.CreateClient(),
            "bad-token" => factory.ClientFor(null),
            _ => factory.ClientFor(department),
        };
        if (department == "bad-token")
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        }

        var reply = await client.SendRawAsync(HttpMethod.Post, "/graphql", body);
        var id = HeaderId(reply.Response);
        Assert.False(string.IsNullOrEmpty(id), what);
        Assert.True(IncomingRequestId.IsSafe(id), $"{what}: generated id '{id}' is not plain text");
        if (code is null)
        {
            Assert.False(reply.HasErrors, what);
            return;
        }

        var errors = reply.Json.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("extensions").GetProperty("code").GetString() == code);
        Assert.All(errors, e => Assert.Equal(id, e.GetProperty("extensions").GetProperty("requestId").GetString()));
    }

    [Fact]
    public async Task Each_request_gets_its_own_id()
    {
        using var client = factory.CreateClient();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            ids.Add(HeaderId((await client.SendRawAsync(HttpMethod.Get, "/health/live")).Response));
        }

        Assert.Equal(5, ids.Count);
    }

    [Theory]
    [InlineData("X-Request-Id", "partner-gw:2026-12-03.0001_A", "partner-gw:2026-12-03.0001_A")]
    [InlineData("X-Request-Id", "0b8e2a70-5f8c-4c45-9a3e-8d6f5c1e2b7a", "0b8e2a70-5f8c-4c45-9a3e-8d6f5c1e2b7a")]
    [InlineData("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7")]
    public async Task A_plain_incoming_id_is_adopted_everywhere(string header, string value, string expected)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(header, value);
        var reply = await client.SendRawAsync(HttpMethod.Post, "/graphql", "{\"query\": \"{ nope }\"}");

        Assert.Equal(expected, HeaderId(reply.Response));
        Assert.Equal(expected, reply.Json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("requestId")
            .GetString());
    }

    /// <summary>
    /// The class of all header values: a seeded generator of printable ASCII (quotes, angle brackets, spaces, CRLF
    /// look-alikes), lengths around the limit, and fixed nasty cases; the oracle is the documented rule.
    /// </summary>
    [Fact]
    public async Task An_id_outside_the_rule_is_replaced_and_never_echoed()
    {
        using var client = factory.CreateClient();
        foreach (var value in CandidateIds())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent("{\"query\": \"{ nope }\"}", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("X-Request-Id", value);
            var reply = await GraphQLReply.ReadAsync(await client.SendAsync(request));
            var id = HeaderId(reply.Response);
            // HTTP does not count spaces and tabs around a header value as part of it.
            var sent = value.Trim(' ', '\t');
            var allowed = sent.Length is > 0 and <= 64
                && sent.All(c => char.IsAsciiLetterOrDigit(c) || "-_.:".Contains(c, StringComparison.Ordinal));
            if (allowed)
            {
                Assert.Equal(sent, id);
                continue;
            }

            Assert.NotEqual(sent, id);
            Assert.True(IncomingRequestId.IsSafe(id), $"replacement '{id}' for '{value}'");
            if (sent.Length > 3)
            {
                Assert.DoesNotContain(sent, reply.Body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Two_ids_in_one_request_are_both_refused()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Request-Id", ["first-id", "second-id"]);
        var id = HeaderId((await client.SendRawAsync(HttpMethod.Get, "/health/live")).Response);
        Assert.DoesNotContain("first-id", id, StringComparison.Ordinal);
        Assert.DoesNotContain("second-id", id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", true)]
    [InlineData("00-00000000000000000000000000000000-00f067aa0ba902b7-01", false)] // trace id all zero
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", false)] // parent id all zero
    [InlineData("00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01", false)] // upper case
    [InlineData("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", false)] // forbidden version
    [InlineData("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x", false)] // a future version: ignored
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e473-600f067aa0ba902b7-01", false)] // dashes out of place
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g", false)]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7", false)]
    [InlineData("", false)]
    public void Only_a_well_formed_traceparent_gives_an_id(string value, bool adopted) =>
        Assert.Equal(adopted, IncomingRequestId.FromTraceParent(value) is not null);

    private static IEnumerable<string> CandidateIds()
    {
        string[] fixedCases =
        [
            "", " ", "a b", "<script>alert(1)</script>", "id\"quoted", "id'quoted", "id;drop", "id,two", "id/slash",
            "id\\back", "id%0d%0aSet-Cookie:x", "{\"json\":1}", new string('a', 64), new string('a', 65),
            new string('7', 200), "tab\there", "ok-id_1.2:3",
        ];
        var random = new Random(20261203);
        const string alphabet = "abcXYZ019-_.:<>\"' ;,/\\%{}()=+*&#@!?~`|[]$^";
        var generated = Enumerable.Range(0, 120).Select(_ =>
        {
            var length = random.Next(0, 3) switch { 0 => random.Next(1, 8), 1 => random.Next(60, 70), _ => 20 };
            return new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        });
        return fixedCases.Concat(generated);
    }

    private static string HeaderId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-Id", out var values) ? Assert.Single(values) : "";
}
