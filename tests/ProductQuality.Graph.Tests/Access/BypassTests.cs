using System.Net;
using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Access;

/// <summary>Side doors a partner might try; each must reveal nothing the contract hides.</summary>
[Collection(ServerCollection.Name)]
public sealed class BypassTests(GraphServerFactory factory)
{
    [Theory]
    [InlineData("{ blacklist(first: 1) { edges { node { x: inspections { passed } } } } }")]
    [InlineData("{ blacklist(first: 1) { edges { node { ...F } } } } fragment F on Enterprise { "
        + "inspections { passed } }")]
    [InlineData("{ blacklist(first: 1) { edges { node { ... on Enterprise { inspections { passed } } } } } }")]
    [InlineData("query($n: Int) { blacklist(first: 1) { edges { node { inspections(limit: $n) { passed } } } } }")]
    [InlineData("{ blacklist(first: 1) { edges { node { __typename inspections { __typename } } } } }")]
    [InlineData("{ riskWarnings(first: 1) { totalCount } }")]
    [InlineData("{ enterprises(filter: { productTier: HIGH }) { totalCount } }")]
    public async Task Hidden_fields_fail_validation_however_they_are_reached(string query)
    {
        var reply = await factory.ClientFor("tax").PostAsync(query);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.False(reply.Json.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Aliases_do_not_unmask()
    {
        var node = (await factory.ClientFor("tax")
            .PostAsync("{ blacklist(first: 1) { edges { node { a: phone b: phone } } } }"))
            .EnsureData().Data.GetProperty("blacklist").GetProperty("edges")[0].GetProperty("node");
        Assert.Contains("****", node.GetProperty("a").GetString()!, StringComparison.Ordinal);
        Assert.Contains("****", node.GetProperty("b").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Introspection_of_a_hidden_type_answers_null()
    {
        var data = (await factory.ClientFor("finance")
            .PostAsync("{ i: __type(name: \"Inspection\") { name } r: __type(name: \"RegionAssessment\") { name } e: "
                + "__type(name: \"Enterprise\") { fields { name } } }")).EnsureData().Data;
        Assert.Equal(JsonValueKind.Null, data.GetProperty("i").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("r").ValueKind);
        Assert.DoesNotContain(data.GetProperty("e").GetProperty("fields").EnumerateArray(),
            f => f.GetProperty("name").GetString() == "inspections");
    }

    [Fact]
    public async Task Ordering_or_filtering_by_a_hidden_field_does_not_exist()
    {
        var order = await factory.ClientFor(null)
            .PostAsync("{ blacklist(first: 5, orderBy: CLASS_BEST_FIRST) { totalCount } }");
        Assert.Equal(HttpStatusCode.BadRequest, order.Status);
        var filter = await factory.ClientFor("tax")
            .PostAsync("{ enterprises(filter: { productTier: HIGH }) { totalCount } }");
        Assert.Equal(HttpStatusCode.BadRequest, filter.Status);
    }

    [Fact]
    public async Task Error_messages_suggest_nothing_hidden()
    {
        var reply = await factory.ClientFor("finance")
            .PostAsync("{ blacklist(first: 1) { edges { node { inspection } } } }");
        Assert.DoesNotContain("inspections", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_validated_for_the_regulator_is_validated_again_for_a_department()
    {
        const string query = "{ blacklist(first: 1) { edges { node { creditCode inspections { passed } } } } }";
        (await factory.ClientFor("samr-jiaxing").PostAsync(query)).EnsureData();
        var reply = await factory.ClientFor("finance").PostAsync(query);
        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Cannot query field 'inspections' on type 'Enterprise'.", reply.FirstErrorMessage);
    }

    [Fact]
    public async Task The_public_has_no_directory_and_no_detail_beyond_the_reason_category()
    {
        var anonymous = factory.ClientFor(null);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync("{ enterprises { totalCount } }")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync(
            "{ blacklist(first: 1) { edges { node { blacklistHistory { decisionNumber } } } } }")).Status);
        var listed = (await anonymous.PostAsync("{ blacklist(first: 500) { totalCount edges { node { creditCode "
            + "blacklisted blacklistHistory { kind reasonCategory } } } } }"))
            .EnsureData();
        var regulator = (await factory.ClientFor("samr-jiaxing").PostAsync("{ blacklist { totalCount } }"))
            .EnsureData();
        Assert.Equal(regulator.Data.GetProperty("blacklist").GetProperty("totalCount").GetInt32(),
            listed.Data.GetProperty("blacklist").GetProperty("totalCount").GetInt32());
    }
}
