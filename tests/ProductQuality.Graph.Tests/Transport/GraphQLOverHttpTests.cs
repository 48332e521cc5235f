using System.Net;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>The GraphQL over HTTP specification, as a client library would exercise it.</summary>
[Collection(ServerCollection.Name)]
public sealed class GraphQLOverHttpTests(GraphServerFactory factory)
{
    private readonly HttpClient _client = factory.ClientFor("samr-jiaxing");

    [Fact]
    public async Task Post_with_graphql_response_json_answers_200_in_that_media_type()
    {
        var reply = await _client.PostAsync("{ __typename }");
        reply.EnsureData();
        Assert.Equal("application/graphql-response+json; charset=utf-8", reply.ContentType);
        Assert.Equal("Query", reply.Data.GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task Legacy_application_json_accept_gets_application_json()
    {
        var reply = await _client.PostAsync("{ __typename }", accept: "application/json");
        Assert.Equal("application/json; charset=utf-8", reply.ContentType);
    }

    [Fact]
    public async Task No_accept_header_is_treated_as_application_json()
    {
        var reply = await _client.SendRawAsync(HttpMethod.Post, "/graphql", """{"query":"{ __typename }"}""",
            accept: null);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.StartsWith("application/json", reply.ContentType);
    }

    [Fact]
    public async Task Unacceptable_accept_header_is_406()
    {
        var reply = await _client.SendRawAsync(HttpMethod.Post, "/graphql", """{"query":"{ __typename }"}""",
            accept: "text/html");
        Assert.Equal(HttpStatusCode.NotAcceptable, reply.Status);
        Assert.Equal("NOT_ACCEPTABLE", reply.FirstErrorCode);
    }

    [Fact]
    public async Task Get_executes_queries_with_variables_and_operation_name()
    {
        var url = "/graphql?query="
            + Uri.EscapeDataString("query A($c: String!) { product(code: $c) { code } } query B { __typename }")
            + "&operationName=A&variables=" + Uri.EscapeDataString("""{"c":"P004"}""");
        var reply = await _client.SendRawAsync(HttpMethod.Get, url);
        reply.EnsureData();
        Assert.Equal("P004", reply.Data.GetProperty("product").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_mutation_over_get_is_405_allowing_post()
    {
        var reply = await _client.SendRawAsync(HttpMethod.Get,
            "/graphql?query=" + Uri.EscapeDataString("mutation { x }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, reply.Status);
        Assert.Equal("POST", reply.Response.Content.Headers.Allow.Single());
        Assert.Equal("METHOD_NOT_ALLOWED", reply.FirstErrorCode);
        Assert.Equal("Mutations are only accepted over POST.",
            reply.Json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_subscription_over_get_is_told_where_subscriptions_are_served()
    {
        var reply = await _client.SendRawAsync(
            HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("subscription { changes { cursor } }"));
        Assert.Equal("SUBSCRIPTION_NEEDS_WEBSOCKET", reply.FirstErrorCode);
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        var reply = await _client.SendRawAsync(HttpMethod.Put, "/graphql", "{}");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, reply.Status);
    }

    [Theory]
    [InlineData("{\"query\": ", "INVALID_JSON")]
    [InlineData("", "BODY_MISSING")]
    [InlineData("{\"variables\": {}}", "QUERY_MISSING")]
    [InlineData("{\"query\": 42}", "INVALID_REQUEST")]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": [1]}", "INVALID_REQUEST")]
    [InlineData("[{\"query\": \"{ __typename }\"}]", "BATCH_NOT_SUPPORTED")]
    [InlineData("{\"query\": \"{ __typename \"}", "SYNTAX_ERROR")]
    public async Task Malformed_requests_are_400_with_a_specific_code(string body, string code)
    {
        var reply = await _client.SendRawAsync(HttpMethod.Post, "/graphql", body);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(code, reply.FirstErrorCode);
    }

    [Theory]
    [InlineData("variables")]
    [InlineData("extensions")]
    public async Task A_member_sent_as_a_string_holding_its_object_is_named_with_the_object_to_send(string member)
    {
        // Altair's and Postman's way: the object written into a string. Refused, as the spec asks an object.
        var post = await _client.SendRawAsync(HttpMethod.Post, "/graphql",
            $$"""{"query":"{ __typename }","{{member}}":"{\"a\": 1}"}""");
        var get = await _client.SendRawAsync(HttpMethod.Get,
            $"/graphql?query=%7B__typename%7D&{member}=" + Uri.EscapeDataString("\"{\\\"a\\\": 1}\""));

        Assert.Equal(HttpStatusCode.BadRequest, post.Status);
        Assert.Equal("INVALID_REQUEST", post.FirstErrorCode);
        Assert.Equal($$"""'{{member}}' must be a JSON object or null, not a string: send {"a": 1}, not "{\"a\": 1}".""",
            post.FirstErrorMessage);
        Assert.Equal(HttpStatusCode.BadRequest, get.Status);
        Assert.Equal($$"""The '{{member}}' parameter must be a JSON-encoded object, not a string: send {"a": 1}, """
            + """not "{\"a\": 1}".""", get.FirstErrorMessage);
    }

    /// <summary>
    /// Broken JSON is said in the client's words: where (line and byte, from 1) and what to send, not the reader's
    /// "maximum configured depth", "encountered during deserialization" or "LineNumber: 0 | BytePositionInLine: 354"
    /// (the client probe).
    /// </summary>
    [Theory]
    [InlineData("{\"query\":\"{ __typename }\",\"query\":\"x\"}",
        "not valid JSON: the member 'query' is given twice: send each member once")]
    [InlineData("DEEP", "nests objects and arrays deeper than 64 levels (line 1, byte ")]
    [InlineData("{\"query\": ", "not valid JSON: ")]
    [InlineData("{\n\"query\": x}", "(line 2, byte 10)")]
    [InlineData("   \n ", "it holds no JSON value (it is empty or only white space): send a JSON object")]
    [InlineData("{ blacklist(first: 1) { totalCount } }", "It looks like a bare GraphQL document: send a JSON object "
        + "with the document in its 'query' member")]
    [InlineData("query Q { __typename }", "It looks like a bare GraphQL document")]
    public async Task Broken_JSON_is_said_with_its_place_and_what_to_send(string body, string said)
    {
        body = body == "DEEP"
            ? "{\"query\":\"{ __typename }\",\"variables\":{\"a\":" + new string('[', 70) + new string(']', 70) + "}}"
            : body;
        var reply = await _client.SendRawAsync(HttpMethod.Post, "/graphql", body);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INVALID_JSON", reply.FirstErrorCode);
        Assert.Contains(said, reply.FirstErrorMessage, StringComparison.Ordinal);
        CleanAnswer.Assert(reply, body);
    }

    /// <summary>
    /// A JavaScript object literal and a form-encoded body were told they looked like a bare GraphQL document (the
    /// third-party clients probe): each gets a hint of its own, and a bare document keeps its own, aliases included.
    /// </summary>
    [Theory]
    [InlineData("{query:\"{ x }\",variables:{}}", "Member names must be in double quotes: the body is JSON, not a "
        + "JavaScript object literal, {\"query\": \"{ __typename }\"}.")]
    [InlineData("{ 'query': '{ x }' }", "Member names must be in double quotes")]
    [InlineData("query=%7B__typename%7D", "It looks form-encoded (query=…), which is not accepted: send "
        + "application/json, {\"query\": \"{ __typename }\"}.")]
    [InlineData("variables=%7B%7D&query=%7B__typename%7D", "It looks form-encoded")]
    [InlineData("{ __typename }", "It looks like a bare GraphQL document")]
    [InlineData("{ e: enterprises(first: 1) { totalCount } }", "It looks like a bare GraphQL document")]
    [InlineData("query Q { __typename }", "It looks like a bare GraphQL document")]
    [InlineData("query{ __typename }", "It looks like a bare GraphQL document")]
    public async Task A_body_that_is_not_JSON_is_told_what_it_looks_like(string body, string said)
    {
        var reply = await _client.SendRawAsync(HttpMethod.Post, "/graphql", body);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INVALID_JSON", reply.FirstErrorCode);
        Assert.Contains(said, reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Single(new[] { "bare GraphQL document", "double quotes", "form-encoded" },
            hint => reply.FirstErrorMessage.Contains(hint, StringComparison.Ordinal));
        CleanAnswer.Assert(reply, body);
    }

    /// <summary>
    /// A GET parameter's JSON is read as the body's: null is no object (the POST took it, the GET refused it), and a
    /// leading byte order mark is skipped (it passed the check and then made the variables "could not be read").
    /// </summary>
    [Theory]
    [InlineData("variables", "null")]
    [InlineData("extensions", "null")]
    [InlineData("variables", "\uFEFF{\"c\":\"P004\"}")]
    [InlineData("extensions", "\uFEFF{}")]
    [InlineData("variables", "\uFEFF\uFEFF{}")]
    public async Task A_GET_parameter_is_read_as_the_body_would_be(string member, string json)
    {
        const string Query = "query($c: String = \"P004\") { product(code: $c) { code } }";
        var get = await _client.SendRawAsync(HttpMethod.Get,
            $"/graphql?query={Uri.EscapeDataString(Query)}&{member}={Uri.EscapeDataString(json)}");
        if (json.StartsWith("\uFEFF\uFEFF", StringComparison.Ordinal))
        {
            // Two marks are broken JSON, said so (the re-probe: "could not be read … 64-bit float").
            Assert.Equal(HttpStatusCode.BadRequest, get.Status);
            Assert.Contains("two byte order marks", get.FirstErrorMessage, StringComparison.Ordinal);
            return;
        }

        Assert.Equal("P004", get.EnsureData().Data.GetProperty("product").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("\"variables\": [1]", "'variables' must be a JSON object or null, not an array.")]
    [InlineData("\"variables\": 1", "'variables' must be a JSON object or null, not a number.")]
    [InlineData("\"extensions\": true", "'extensions' must be a JSON object or null, not true.")]
    [InlineData("\"variables\": \"\"", "'variables' must be a JSON object or null, not a string: with nothing to "
        + "send, leave the member out or send null or {}, not \"\".")]
    [InlineData("\"variables\": \"null\"", "'variables' must be a JSON object or null, not a string: with nothing "
        + "to send, leave the member out or send null or {}, not \"null\".")]
    [InlineData("\"extensions\": \"abc\"", "'extensions' must be a JSON object or null, not a string: send the JSON "
        + "object itself, not text, e.g. {\"first\": 10}.")]
    public async Task A_member_that_is_no_object_is_named_with_what_was_sent(string member, string message)
    {
        var reply = await _client.SendRawAsync(HttpMethod.Post, "/graphql",
            $$"""{"query":"{ __typename }",{{member}}}""");
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INVALID_REQUEST", reply.FirstErrorCode);
        Assert.Equal(message, reply.FirstErrorMessage);
    }

    /// <summary>
    /// A body that is not JSON is told what came and what to send: a curl user posting the bare document as
    /// application/graphql (or curl's default form type) learnt only "send application/json", and doing so, that
    /// 'b' is an invalid start of a property name (the clients probe).
    /// </summary>
    [Theory]
    [InlineData("application/graphql", "A bare GraphQL document ('application/graphql') is not accepted: put the "
        + "document in the 'query' member and POST a JSON object")]
    [InlineData("application/x-www-form-urlencoded", "The body's Content-Type is 'application/x-www-form-urlencoded': "
        + "POST a JSON object such as {\"query\": \"{ __typename }\"} with Content-Type: application/json (UTF-8).")]
    [InlineData("application/json; charset=latin1", "JSON is read as UTF-8 only; send charset=utf-8 or none.")]
    [InlineData(null, "The request has no Content-Type: POST a JSON object")]
    // The first of two charsets was read; a malformed parameter was told JSON is UTF-8 only (the fuzzing probe).
    [InlineData("application/json; charset=utf-8; charset=utf-16", "names its charset more than once: send "
        + "charset=utf-8 once, or none.")]
    [InlineData("application/json; =", "is not a media type with parameters (type/subtype; name=value)")]
    public async Task A_body_that_is_not_JSON_is_told_what_came_and_what_to_send(string? contentType, string said)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent("{ blacklist(first: 1) { totalCount } }"u8.ToArray()),
        };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        var reply = await GraphQLReply.ReadAsync(await _client.SendAsync(request));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.Status);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", reply.FirstErrorCode);
        Assert.Contains(said, reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate, gzip")]
    public async Task A_compressed_body_is_415_naming_the_encoding(string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(
                "{\"query\":\"{ __typename }\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);
        var reply = await GraphQLReply.ReadAsync(await _client.SendAsync(request));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.Status);
        Assert.Equal("UNSUPPORTED_CONTENT_ENCODING", reply.FirstErrorCode);
        Assert.Contains(encoding.Split(",")[0], reply.FirstErrorMessage, StringComparison.Ordinal);
        // RFC 9110 §15.5.16: the refusal names what the server accepts.
        Assert.Equal("identity", string.Join(",", reply.Response.Headers.GetValues("Accept-Encoding")));
    }

    [Fact]
    public async Task The_identity_encoding_is_the_body_as_is()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(
                "{\"query\":\"{ __typename }\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Content.Headers.ContentEncoding.Add("identity");
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_operation_name_is_quoted_by_its_start_and_the_operations_are_named()
    {
        var reply = await _client.PostAsync("query A { __typename } query B { __typename }", operationName:
            new string('C', 100_000));
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INVALID_OPERATION_NAME", reply.FirstErrorCode);
        Assert.EndsWith("…'; its operations: A, B.", reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.InRange(reply.FirstErrorMessage.Length, 1, 200);
    }

    [Fact]
    public async Task Several_operations_without_an_operation_name_are_NO_OPERATION_NAME_as_the_README_lists()
    {
        const string document = "query A { __typename } query B { __typename }";
        var strict = await _client.PostAsync(document);
        var legacy = await _client.PostAsync(document, accept: "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, strict.Status);
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.All(new[] { strict, legacy }, r => Assert.Equal("NO_OPERATION_NAME", r.FirstErrorCode));
        // Said with what to send: the library's sentence did not (the fuzz probe).
        Assert.Contains("send 'operationName' naming the one to run", strict.FirstErrorMessage,
            StringComparison.Ordinal);

        // A client branches on the code, so the README's table of the HTTP contract must name it.
        var contract = Readme.Text.Split("## The HTTP contract")[1].Split("\n## ")[0];
        Assert.Contains("`NO_OPERATION_NAME`", contract, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quoted_start_never_splits_a_character()
    {
        // A character outside the BMP is two UTF-16 units; cut between them, the answer held a lone surrogate.
        var reply = await _client.PostAsync("query A { __typename } query B { __typename }", operationName:
            new string('C', 39) + "😀" + new string('C', 100));
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("INVALID_OPERATION_NAME", reply.FirstErrorCode);
        Assert.Contains(new string('C', 39) + "…'", reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    /// <summary>
    /// A quoted input's control and direction characters are written out: a NUL went back raw in the operation
    /// name's error (the PostgreSQL probe), a line break would forge a line where the message is logged.
    /// </summary>
    [Theory]
    [InlineData("Q\u0000x", "'Q\\u0000x'")]
    [InlineData("Q\nINFO forged", "'Q\\u000AINFO forged'")]
    [InlineData("Q\u202Ex", "'Q\\u202Ex'")]
    [InlineData("A\u200FC\u200ED\u061CE", "'A\\u200FC\\u200ED\\u061CE'")]
    [InlineData("A\u2028F\u2029G\u200B", "'A\\u2028F\\u2029G\\u200B'")]
    // Format characters outside the BMP (tags, a musical beam) were judged one UTF-16 unit at a time, and sent raw.
    [InlineData("finance\U000E0020\U000E0069", "'finance\\uDB40\\uDC20\\uDB40\\uDC69'")]
    [InlineData("Q\U0001D173x", "'Q\\uD834\\uDD73x'")]
    public async Task A_quoted_name_shows_its_control_characters_written_out(string name, string quoted)
    {
        var reply = await _client.PostAsync("query A { __typename } query B { __typename }", operationName: name);
        Assert.Equal("INVALID_OPERATION_NAME", reply.FirstErrorCode);
        Assert.Contains(quoted, reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.FirstErrorMessage!.EnumerateRunes(), c => System.Text.Rune.IsControl(c)
            || System.Text.Rune.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator
                or System.Globalization.UnicodeCategory.ParagraphSeparator);
    }

    [Fact]
    public async Task A_cut_message_with_its_note_stays_within_2000_characters()
    {
        // A variable no type can hold is quoted by GraphQL.NET whole; the server cuts the message.
        var reply = await _client.PostAsync("query($f: Boolean!) { __typename @include(if: $f) }",
            new { f = new string('x', 5_000) });
        Assert.Equal("INVALID_VALUE", reply.FirstErrorCode);
        Assert.Contains("(cut: the message has", reply.FirstErrorMessage, StringComparison.Ordinal);
        // The start and the end stay: the sentence's verdict follows the quoted value.
        Assert.StartsWith("Variable '$f' is invalid.", reply.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Boolean", reply.FirstErrorMessage[^300..], StringComparison.Ordinal);
        CleanAnswer.Assert(reply, "a 5,000-character variable");
    }

    private const string PersistedQuery =
        "{\"persistedQuery\":{\"version\":1,"
        + "\"sha256Hash\":\"ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38\"}}";

    [Fact]
    public async Task A_persisted_query_hash_alone_is_answered_as_apollo_and_urql_clients_expect()
    {
        // Told so by this exact message (urql) or code (Apollo), the clients send the whole document again.
        var post = await _client.SendRawAsync(HttpMethod.Post, "/graphql", $$"""{"extensions":{{PersistedQuery}}}""");
        var get = await _client.SendRawAsync(HttpMethod.Get,
            "/graphql?extensions=" + Uri.EscapeDataString(PersistedQuery), null);
        foreach (var reply in new[] { post, get })
        {
            Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
            Assert.Equal("PERSISTED_QUERY_NOT_SUPPORTED", reply.FirstErrorCode);
            Assert.Equal("PersistedQueryNotSupported", reply.FirstErrorMessage);
        }

        // With the document beside the hash (the clients' retry), the request runs.
        var retry = await _client.SendRawAsync(HttpMethod.Post, "/graphql",
            $$"""{"query":"{ __typename }","extensions":{{PersistedQuery}}}""");
        Assert.Equal(HttpStatusCode.OK, retry.Status);
    }

    [Theory]
    [InlineData("documentId", "sha256:ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38")]
    [InlineData("id", "5d2b1a5cd0a4b3c8e7a6")]
    [InlineData("doc_id", "5d2b1a5cd0a4b3c8e7a6")]
    [InlineData("queryId", "5d2b1a5cd0a4b3c8e7a6")]
    public async Task A_persisted_document_id_without_the_document_is_told_to_send_the_document(string member,
        string id)
    {
        // The spec's persisted-documents appendix and graphql-codegen send documentId; Relay's guides send id,
        // doc_id or queryId.
        var post = await _client.SendRawAsync(HttpMethod.Post, "/graphql",
            $$$"""{"{{{member}}}":"{{{id}}}","variables":{}}""");
        var get = await _client.SendRawAsync(HttpMethod.Get, $"/graphql?{member}={Uri.EscapeDataString(id)}");
        foreach (var reply in new[] { post, get })
        {
            Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
            Assert.Equal("QUERY_MISSING", reply.FirstErrorCode);
            Assert.Contains($"persisted document ('{member}')", reply.FirstErrorMessage, StringComparison.Ordinal);
            Assert.Contains("not supported", reply.FirstErrorMessage, StringComparison.Ordinal);
            Assert.Contains("full GraphQL document in 'query'", reply.FirstErrorMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Post_without_json_content_type_is_415()
    {
        var reply = await _client.SendRawAsync(HttpMethod.Post, "/graphql", "{ __typename }",
            contentType: "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.Status);
    }

    [Fact]
    public async Task Oversized_document_is_413()
    {
        var query = "{ " + new string(' ', 40_000) + "__typename }";
        var reply = await _client.PostAsync(query);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Equal("DOCUMENT_TOO_LARGE", reply.FirstErrorCode);
        // What to send instead, not only what was wrong (the docs probe).
        Assert.Contains("Pass values as variables", reply.FirstErrorMessage, StringComparison.Ordinal);
        // The numbers beside the code, not only in the sentence (the protocol probe).
        var extensions = reply.Json.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal(query.Length, extensions.GetProperty("characters").GetInt32());
        Assert.Equal(32_768, extensions.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task Validation_failure_is_400_under_graphql_response_json_and_200_under_application_json()
    {
        var strict = await _client.PostAsync("{ noSuchField }");
        Assert.Equal(HttpStatusCode.BadRequest, strict.Status);
        Assert.False(strict.Json.TryGetProperty("data", out _));

        var legacy = await _client.PostAsync("{ noSuchField }", accept: "application/json");
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.True(legacy.HasErrors);
    }

    [Fact]
    public async Task A_cached_document_still_fails_on_bad_variables()
    {
        const string query = "query($c: String!) { product(code: $c) { code } }";
        (await _client.PostAsync(query, new { c = "P001" })).EnsureData();
        var reply = await _client.PostAsync(query, new { c = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.True(reply.HasErrors);
    }

    [Fact]
    public async Task Selections_nested_deeper_than_the_limit_are_refused()
    {
        var deep = "{ city { " + string.Concat(Enumerable.Repeat("children { ", 16)) + "code" + new string('}', 16)
            + " } }";
        var reply = await _client.PostAsync(deep);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }
}
