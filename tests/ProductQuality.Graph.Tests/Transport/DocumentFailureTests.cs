using System.Net;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// Every way a document can fail to parse answers 400 with a code (200 under legacy application/json), never a
/// 500: deep nesting of selections, lists and object literals, and control characters after a carriage return,
/// which once crashed the parser's own error formatting.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DocumentFailureTests(GraphServerFactory factory)
{
    private readonly HttpClient _client = factory.ClientFor("samr-jiaxing");

    public static TheoryData<string, string> DeepDocuments()
    {
        var data = new TheoryData<string, string>();
        foreach (var depth in new[] { 130, 1_000, 5_000 })
        {
            data.Add("selections", "{ " + string.Concat(Enumerable.Repeat("a { ", depth)) + "b" + new string('}',
                depth + 1));
            data.Add("lists", "{ product(code: " + new string('[', depth) + "1" + new string(']', depth)
                + ") { code } }");
            data.Add("objects", "{ product(code: " + string.Concat(Enumerable.Repeat("{a: ", depth)) + "1"
                + new string('}', depth) + ") { code } }");
        }

        return data;
    }

    /// <summary>
    /// The parser quotes the token it stopped at: a long one made a message as long (30,000 characters for a name of
    /// 30,000), past the 2,000 every other message keeps to. Cut as they are, with the place it stopped at the end.
    /// </summary>
    [Theory]
    [InlineData("name", 2_001)]
    [InlineData("name", 30_000)]
    [InlineData("string", 5_000)]
    [InlineData("number", 5_000)]
    [InlineData("block string", 5_000)]
    public async Task A_syntax_error_quoting_a_long_token_keeps_to_the_message_limit(string token, int length)
    {
        var query = token switch
        {
            "name" => new string('x', length),
            "string" => "{ \"" + new string('s', length) + "\" }",
            "number" => "{ " + new string('9', length) + " }",
            _ => "{ \"\"\"" + new string('b', length) + "\"\"\" }",
        };

        var reply = await _client.PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("SYNTAX_ERROR", reply.FirstErrorCode);
        var message = reply.FirstErrorMessage!;
        Assert.InRange(message.Length, 1, Graph.Schema.DomainErrorInfoProvider.MaxMessageLength);
        Assert.StartsWith("The GraphQL document does not parse: ", message, StringComparison.Ordinal);
        Assert.Matches(@"\(line 1, column \d+\)\.$", message);
    }

    /// <summary>The library's sentences said with what to send, and its operation name quoted as sent.</summary>
    [Fact]
    public async Task A_document_without_an_operation_or_with_an_unused_variable_says_what_to_send()
    {
        var none = await _client.PostAsync("fragment F on Query { __typename }");
        Assert.Equal("NO_OPERATION", none.FirstErrorCode);
        Assert.Contains("send a query, mutation or subscription", none.FirstErrorMessage, StringComparison.Ordinal);

        var unused = await _client.PostAsync("query Q($x: Int) { __typename }");
        Assert.Equal("NO_UNUSED_VARIABLES", unused.FirstErrorCode);
        Assert.Contains("never used in operation 'Q'.", unused.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Remove it", unused.FirstErrorMessage, StringComparison.Ordinal);
    }

    /// <summary>Apollo Client and urql send @defer and @stream; "Unknown directive" did not say to remove them.
    /// </summary>
    [Theory]
    [InlineData("{ productCategories { code ... @defer { name } } }")]
    [InlineData("{ productCategories @stream { code } }")]
    public async Task Incremental_delivery_directives_are_told_to_be_removed(string query)
    {
        var reply = await _client.PostAsync(query);
        Assert.Equal("KNOWN_DIRECTIVES", reply.FirstErrorCode);
        Assert.Contains("does not deliver answers in parts (@defer, @stream): remove the directive",
            reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every validation error says what to send instead, not only what is wrong: the library's "Fragment 'U' is never
    /// used." and "Variable '$b' is not defined." left a partner to guess (the wire probe).
    /// </summary>
    [Theory]
    [InlineData("{ __typename } fragment U on Query { __typename }", "NO_UNUSED_FRAGMENTS", "spread it")]
    [InlineData("query { enterprises(first: $b) { totalCount } }", "NO_UNDEFINED_VARIABLES", "Declare it")]
    [InlineData("{ __typename @foo }", "KNOWN_DIRECTIVES", "@include and @skip")]
    [InlineData("{ ...X }", "KNOWN_FRAGMENT_NAMES", "Define the fragment")]
    [InlineData("{ __typename @include(if: true) @include(if: true) }", "UNIQUE_DIRECTIVES_PER_LOCATION", "Keep one")]
    [InlineData("query @include(if: true) { __typename }", "DIRECTIVES_IN_ALLOWED_LOCATIONS", "Move the directive")]
    [InlineData("{ productCategories }", "SCALAR_LEAFS", "list the fields you want")]
    [InlineData("{ __typename { x } }", "SCALAR_LEAFS", "remove the { … }")]
    [InlineData("{ enterprises(first: 1.5) { totalCount } }", "ARGUMENTS_OF_CORRECT_TYPE", "Send a value of that type")]
    [InlineData("{ enterprise { name } }", "PROVIDED_NON_NULL_ARGUMENTS", "Give it a value")]
    [InlineData("{ ...A } fragment A on Query { __typename } fragment A on Query { __typename }",
        "UNIQUE_FRAGMENT_NAMES", "Rename one")]
    [InlineData("query($a: Int, $a: Int) { __typename }", "UNIQUE_VARIABLE_NAMES", "Declare each variable once")]
    public async Task A_validation_error_says_what_to_send_instead(string query, string code, string remedy)
    {
        var reply = await _client.PostAsync(query);
        Assert.True(reply.FirstErrorCode == code, $"{reply.FirstErrorCode}: {reply.Body}");
        Assert.Contains(remedy, reply.FirstErrorMessage, StringComparison.Ordinal);
        // The library's sentence ends before the remedy starts ("… named 'A' Rename one of them.").
        Assert.DoesNotMatch(@"[\w']\s(Rename|Declare|Keep one|Move the|Give it|Remove the fragment|Define the|"
            + "An operation may)", reply.FirstErrorMessage);
    }

    /// <summary>
    /// Two fragments of one name: the error is that the name must be unique. GraphQL.NET also called the second
    /// "never used", though its name is spread, which sent the caller after a fragment it had not forgotten.
    /// </summary>
    [Fact]
    public async Task A_fragment_defined_twice_is_refused_for_its_name_only()
    {
        var twice = await _client.PostAsync(
            "query Q { city { ...F } } fragment F on Region { code } fragment F on Region { name }");
        var codes = ErrorCodes(twice);
        Assert.True(codes.Count > 0 && codes.All(c => c == "UNIQUE_FRAGMENT_NAMES"), twice.Body);
        Assert.DoesNotContain("never used", twice.Body, StringComparison.Ordinal);

        // A fragment spread only inside the second definition of a name is used too (and nested further down).
        var spreadInTwin = await _client.PostAsync("query Q { city { ...F } } fragment F on Region { code } "
            + "fragment F on Region { ...G } fragment G on Region { ...H } fragment H on Region { name }");
        var twinCodes = ErrorCodes(spreadInTwin);
        Assert.True(twinCodes.Count > 0 && twinCodes.All(c => c == "UNIQUE_FRAGMENT_NAMES"), spreadInTwin.Body);

        // A fragment spread nowhere is still never used, alone or with a twin of its name.
        var unused = await _client.PostAsync("query Q { city { code } } fragment G on Region { code }");
        Assert.Equal(["NO_UNUSED_FRAGMENTS"], ErrorCodes(unused));
        Assert.Contains("Fragment 'G' is never used", unused.FirstErrorMessage, StringComparison.Ordinal);
        var unusedTwice = await _client.PostAsync(
            "query Q { city { code } } fragment F on Region { code } fragment F on Region { name }");
        Assert.Equal(2, ErrorCodes(unusedTwice).Count(c => c == "NO_UNUSED_FRAGMENTS"));
        Assert.Contains("UNIQUE_FRAGMENT_NAMES", ErrorCodes(unusedTwice));
    }

    [Theory]
    [MemberData(nameof(DeepDocuments))]
    public async Task Deeply_nested_documents_are_document_too_deep(string what, string query)
    {
        var reply = await _client.PostAsync(query);
        Assert.True(reply.Status == HttpStatusCode.BadRequest, $"{what}: {(int)reply.Status} {reply.Body}");
        Assert.Equal("DOCUMENT_TOO_DEEP", reply.FirstErrorCode);
        CleanAnswer.Assert(reply, what);
    }

    [Fact]
    public async Task Every_control_character_after_a_carriage_return_is_a_syntax_error()
    {
        for (var c = '\0'; c < ' '; c++)
        {
            foreach (var query in new[] { $"{{ \r{c} }}", $"{{ __typename \r{c}", $"\r{c}", $"{{ \"\r{c}\" }}" })
            {
                var reply = await _client.PostAsync(query);
                var what = $"control U+{(int)c:X4} in {Uri.EscapeDataString(query)}";
                CleanAnswer.Assert(reply, what);
                Assert.True(reply.Status == HttpStatusCode.BadRequest, $"{what}: {(int)reply.Status} {reply.Body}");

                // "\r\t" alone is blank, a document without operations; everything else does not parse.
                Assert.Contains(reply.FirstErrorCode, new[] { "SYNTAX_ERROR", "NO_OPERATION" });
            }
        }
    }

    [Theory]
    [InlineData("{ __typename ")]
    [InlineData("{ \r\b }")]
    [InlineData("{ a { b { c ")]
    public async Task Under_application_json_a_parse_failure_is_200_with_errors(string query)
    {
        var reply = await _client.PostAsync(query, accept: "application/json");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("SYNTAX_ERROR", reply.FirstErrorCode);
        Assert.False(reply.Json.TryGetProperty("data", out _));
        Assert.StartsWith("application/json", reply.ContentType, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ __typename } fragment F on Query { ...F a { ...F } }")]
    [InlineData("{ ...F } fragment F on Query { city { ...F } }")]
    [InlineData("{ ...F } fragment F on Query { ...G } fragment G on Query { city { children { ...F } } }")]
    [InlineData("{ __typename } fragment F on Query { ...F fragment F on Query { ...F fragment F on "
        + "Query { ...F } } }")]
    public async Task A_fragment_that_spreads_itself_is_refused_before_it_can_overflow_the_stack(string query)
    {
        var reply = await _client.PostAsync(query);
        CleanAnswer.Assert(reply, query);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("NO_FRAGMENT_CYCLES", reply.FirstErrorCode);
    }

    [Fact]
    public async Task Deep_documents_over_get_are_refused_the_same_way()
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("a { ", 500)) + "b" + new string('}', 501);
        var reply = await _client.SendRawAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("DOCUMENT_TOO_DEEP", reply.FirstErrorCode);
    }

    private static List<string> ErrorCodes(GraphQLReply reply) =>
        [.. reply.Json.GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("extensions").GetProperty("code").GetString()!)];
}
