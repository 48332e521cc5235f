using System.Net;
using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Recording;

/// <summary>
/// Who has a Mutation type at all. Introspection and refused documents only: nothing is written here.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class MutationContractTests(GraphServerFactory factory)
{
    [Theory]
    [InlineData(null)]
    [InlineData("finance")]
    [InlineData("tax")]
    [InlineData("drc")]
    [InlineData("yrd-partner")]
    public async Task Departments_without_write_have_no_Mutation_type(string? department)
    {
        var client = factory.ClientFor(department);
        var reply = (await client.PostAsync("{ __schema { mutationType { name } } }")).EnsureData();
        Assert.Equal(JsonValueKind.Null, reply.Data.GetProperty("__schema").GetProperty("mutationType").ValueKind);

        var attempt = await client.PostAsync("mutation { recordSampling(input: {}) { replayed } }");
        Assert.Equal(HttpStatusCode.BadRequest, attempt.Status);
        Assert.False(attempt.Json.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("samr-jiaxing")]
    [InlineData("samr-330481")]
    public async Task Regulators_have_the_Mutation_type(string department)
    {
        var reply = (await factory.ClientFor(department)
            .PostAsync("{ __schema { mutationType { name fields { name } } } }")).EnsureData();
        var fields = reply.Data.GetProperty("__schema").GetProperty("mutationType").GetProperty("fields")
            .EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["issueRiskWarning", "overrideEnterpriseClass", "overrideProductTier", "recordBlacklistDecision",
                "recordEnforcementDecision", "recordExternalRiskSignal", "recordManagementStatus", "recordSampling",
                "recordValidComplaint"],
            fields);
    }

    [Theory]
    [InlineData("""{"query":"mutation($i: RecordSamplingInput!) { recordSampling(input: $i) """
        + """{ replayed } }","variables":{"i":{"idempotencyKey":"k"}}}""")]
    [InlineData("""{"query":"mutation { recordSampling(input: {idempotencyKey: \"k\", creditCode: 5}) """
        + """{ replayed } }"}""")]
    [InlineData("""{"query":"mutation($i: RecordSamplingInput!) { recordSampling(input: $i) """
        + """{ replayed } }","variables":{"i":"""
        + """{"idempotencyKey":"k","creditCode":"x","productCode":"P001","batch":"b","spec"""
        + """Model":"s","level":"SOMEWHERE","lab":"l","reportNumber":"r","sampledOn":"2026-13-45","passed":true}}}""")]
    public async Task Broken_input_is_a_request_error_never_a_500(string body)
    {
        var reply = await factory.ClientFor("samr-jiaxing").SendRawAsync(HttpMethod.Post, "/graphql", body);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.True(reply.HasErrors);
    }
}
