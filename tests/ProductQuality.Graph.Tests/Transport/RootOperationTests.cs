using System.Net;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Transport;

/// <summary>
/// A mutation sent with a contract that has no Mutation type, or a subscription (no contract has one), is a
/// validation failure in plain words with a code — not an internal error.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RootOperationTests(GraphServerFactory factory)
{
    public static TheoryData<string?> ReadOnlyContracts() =>
        [null, "drc", "tax", "sci-tech", "finance", "project-approval", "industry-access", "yrd-partner"];

    [Theory]
    [MemberData(nameof(ReadOnlyContracts))]
    public async Task A_mutation_without_a_mutation_type_says_so(string? department)
    {
        foreach (var query in new[] { "mutation { x }", "mutation M { recordSampling { replayed } }",
            "mutation { __typename }" })
        {
            var reply = await factory.ClientFor(department).PostAsync(query);
            CleanAnswer.Assert(reply, $"{department}: {query}");
            Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
            Assert.Equal("OPERATION_NOT_SUPPORTED", reply.FirstErrorCode);
            Assert.Contains("no mutations", reply.FirstErrorMessage, StringComparison.Ordinal);

            var legacy = await factory.ClientFor(department).PostAsync(query, accept: "application/json");
            Assert.Equal(HttpStatusCode.OK, legacy.Status);
            Assert.Equal("OPERATION_NOT_SUPPORTED", legacy.FirstErrorCode);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("finance")]
    [InlineData("samr-jiaxing")]
    [InlineData("samr-330481")]
    public async Task A_subscription_over_HTTP_is_refused_with_the_way_to_WebSocket(string? department)
    {
        var reply = await factory.ClientFor(department).PostAsync("subscription { changes { cursor } }");
        CleanAnswer.Assert(reply, "subscription");
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("SUBSCRIPTION_NEEDS_WEBSOCKET", reply.FirstErrorCode);
        Assert.Contains("graphql-transport-ws", reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_selected_operation_decides_not_its_neighbours()
    {
        var client = factory.ClientFor("tax");
        const string document = "query Q { __typename } mutation M { x }";
        (await client.PostAsync(document, operationName: "Q")).EnsureData();
        var reply = await client.PostAsync(document, operationName: "M");
        Assert.Equal("OPERATION_NOT_SUPPORTED", reply.FirstErrorCode);
    }

    [Fact]
    public async Task A_regulator_mutation_still_reaches_validation()
    {
        var reply = await factory.ClientFor("samr-jiaxing").PostAsync("mutation { noSuchWrite }");
        CleanAnswer.Assert(reply, "regulator");
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.NotEqual("OPERATION_NOT_SUPPORTED", reply.FirstErrorCode);
    }
}
