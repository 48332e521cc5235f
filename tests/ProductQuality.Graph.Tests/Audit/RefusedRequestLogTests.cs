using System.Text;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// A request refused while it is read (a persisted query's hash alone, variables sent as a string, a batch member
/// wrong) is logged with what it sent, as an answered one is: the operation name sent or its document's one
/// operation's, and the hashes of the document and variables as sent. Apollo's and urql's first try of every
/// operation (the hash alone) was logged with no name (the clients probe).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RefusedRequestLogTests(GraphServerFactory factory)
{
    private const string Document = "query GetX { __typename }";
    private const string Hash = "ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38";
    private const string Persisted = $$$"""{"persistedQuery":{"version":1,"sha256Hash":"{{{Hash}}}"}}""";

    public static TheoryData<string, string, string, string?, string?, string?> Refusals() => new()
    {
        {
            "persisted hash alone", "POST",
            $$"""{"operationName":"GetX","variables":{},"extensions":{{Persisted}}}""",
            "GetX", null, "{}"
        },
        {
            "variables as a string", "POST", $$"""{"operationName":"GetX","query":"{{Document}}","variables":"{}"}""",
            "GetX", Document, "\"{}\""
        },
        {
            "named by its document", "POST", $$"""{"query":"{{Document}}","variables":[1]}""", "GetX", Document, "[1]"
        },
        { "Relay's id", "POST", """{"operationName":"GetX","id":"abc","variables":{}}""", "GetX", null, "{}" },
        {
            "persisted hash alone, by GET", "GET",
            "operationName=GetX&extensions=" + Uri.EscapeDataString(Persisted),
            "GetX", null, null
        },
        {
            "variables not an object, by GET", "GET",
            "query=" + Uri.EscapeDataString(Document) + "&variables=%5B1%5D", "GetX", Document, "[1]"
        },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_request_refused_while_read_is_logged_with_what_it_sent(string kind, string method,
        string request, string? operationName, string? document, string? variables)
    {
        var purpose = AccessLogProbe.NewPurpose("refused-read");
        var client = factory.ClientFor("finance");
        client.DefaultRequestHeaders.Add(PurposeHeader.Name, purpose);
        using var response = method == "GET"
            ? await client.GetAsync("/graphql?" + request)
            : await client.PostAsync("/graphql", new StringContent(request, Encoding.UTF8, "application/json"));
        Assert.True((int)response.StatusCode == 400, $"{kind}: {(int)response.StatusCode}");

        var entry = await factory.EntryAsync(purpose);
        Assert.Equal(AccessOutcome.ValidationError, entry.Outcome);
        Assert.Equal(operationName, entry.OperationName);
        Assert.Equal(document is null ? null : AccessLogProbe.Sha256(document), entry.DocumentSha256);
        Assert.Equal(variables is null ? null : AccessLogProbe.Sha256(variables), entry.VariablesSha256);
    }
}
