using System.Net;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// The specification's SHOULDs that graphql-http's audit checks: a wildcard or missing Accept gets
/// application/json, a named type wins over a wildcard, and under application/json a document that fails
/// parsing or validation answers 200.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class AcceptNegotiationTests(GraphServerFactory factory)
{
    private readonly HttpClient _client = factory.ClientFor("samr-jiaxing");

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("*/*, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json;q=0.5, */*", "application/json")]
    [InlineData("application/json;q=0.9, application/graphql-response+json", "application/graphql-response+json")]
    // The most specific range decides for a type (RFC 9110 §12.5.1): an explicit q=0 refuses it past any wildcard
    // (the client probe: application/json came back to a client that had refused it).
    [InlineData("*/*;q=0.5, application/json;q=0", "application/graphql-response+json")]
    [InlineData("*/*, application/json;q=0", "application/graphql-response+json")]
    [InlineData("application/*, application/json;q=0", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json;q=0, */*", "application/json")]
    [InlineData("application/json, application/graphql-response+json", "application/json")]
    [InlineData("application/*;q=0.2, application/graphql-response+json;q=0.1", "application/json")]
    public async Task The_media_type_follows_accept(string? accept, string expected)
    {
        var reply = await _client.SendRawAsync(HttpMethod.Post, "/graphql", """{"query":"{ __typename }"}""",
            accept: accept);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(expected + "; charset=utf-8", reply.ContentType);
    }

    [Theory]
    [InlineData("*/*;q=0")]
    [InlineData("*/*, application/json;q=0, application/graphql-response+json;q=0")]
    [InlineData("application/*;q=0, */*")]
    public async Task Both_types_refused_is_406(string accept)
    {
        var reply = await factory.ClientFor(null).SendRawAsync(HttpMethod.Post, "/graphql",
            """{"query":"{ __typename }"}""", accept: accept);
        Assert.Equal(HttpStatusCode.NotAcceptable, reply.Status);
    }

    [Theory]
    [InlineData("{", "SYNTAX_ERROR")]
    [InlineData("{ 8f31403dfe404bccbb0e835f2629c6a7 }", "SYNTAX_ERROR")]
    [InlineData("{ noSuchField }", "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("query($c: String!) { product(code: $c) { code } }", "INVALID_VALUE")]
    public async Task A_wildcard_accept_gets_200_for_document_failures(string query, string code)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new { query });
        var reply = await _client.SendRawAsync(HttpMethod.Post, "/graphql", body, accept: "*/*");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.StartsWith(code, reply.FirstErrorCode, StringComparison.Ordinal);
    }

    private const string Subscription = "subscription { changes { cursor } }";

    [Fact]
    public async Task A_subscription_from_an_event_stream_client_is_told_where_subscriptions_are_served()
    {
        // graphql-sse's clients accept text/event-stream alone, by GET and by POST.
        var get = await _client.SendRawAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(Subscription),
            accept: "text/event-stream");
        var post = await _client.SendRawAsync(HttpMethod.Post, "/graphql",
            System.Text.Json.JsonSerializer.Serialize(new { query = Subscription }), accept: "text/event-stream");
        foreach (var reply in new[] { get, post })
        {
            CleanAnswer.Assert(reply, "subscription accepting text/event-stream");
            Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
            Assert.Equal("application/json; charset=utf-8", reply.ContentType);
            Assert.Equal("SUBSCRIPTION_NEEDS_WEBSOCKET", reply.FirstErrorCode);
            Assert.Contains("graphql-transport-ws", reply.FirstErrorMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{ __typename }", "application/json")]
    [InlineData("mutation { x }", "application/json")]
    [InlineData("subscription {", "application/json")]
    [InlineData("query Q { __typename } subscription S { changes { cursor } }", "application/json")]
    [InlineData(Subscription, "text/plain")]
    public async Task Anything_else_accepting_only_an_event_stream_stays_406(string query, string contentType)
    {
        var reply = await _client.SendRawAsync(HttpMethod.Post, "/graphql",
            System.Text.Json.JsonSerializer.Serialize(new { query }), contentType, accept: "text/event-stream");
        Assert.Equal(HttpStatusCode.NotAcceptable, reply.Status);
        Assert.Equal("NOT_ACCEPTABLE", reply.FirstErrorCode);
        Assert.Equal("application/json; charset=utf-8", reply.ContentType);
    }
}
