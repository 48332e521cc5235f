using System.Net;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Audit;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Limits;

/// <summary>
/// A query nested past GraphQL:MaxDepth (15) is refused like every other limit: QUERY_TOO_DEEP with its depth and
/// the limit in extensions, and what to do. It was the library's COMPLEXITY, undocumented, whose sentence called the
/// query's depth a "maximum" and whose numbers were in the text only (the docs probe). Fragments count as inlined.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DepthLimitTests(GraphServerFactory factory)
{
    [Theory]
    [InlineData(13, null)]     // 15 levels: city, 13 parents, code
    [InlineData(20, 22)]
    public async Task A_query_nested_past_the_limit_is_QUERY_TOO_DEEP_with_its_depth(int parents, int? depth)
    {
        var query = "{ city { " + string.Concat(Enumerable.Repeat("parent { ", parents)) + "code"
            + new string('}', parents + 1).Replace("}", " }", StringComparison.Ordinal) + " }";
        var purpose = AccessLogProbe.NewPurpose("depth");

        var reply = await factory.ClientFor("samr-jiaxing").PostAsync(query, purpose);

        if (depth is null)
        {
            Assert.False(reply.HasErrors, reply.Body);
            return;
        }

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        var error = reply.Json.GetProperty("errors")[0];
        var extensions = error.GetProperty("extensions");
        Assert.Equal("QUERY_TOO_DEEP", extensions.GetProperty("code").GetString());
        Assert.Equal(depth, extensions.GetProperty("depth").GetInt32());
        Assert.Equal(15, extensions.GetProperty("limit").GetInt32());
        Assert.StartsWith($"The query nests {depth} levels deep; the limit is 15. Ask for fewer nested levels",
            error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(AccessOutcome.Limited, (await factory.EntryAsync(purpose)).Outcome);
    }

    [Fact]
    public async Task Fragments_are_measured_as_inlined()
    {
        var fragments = string.Concat(Enumerable.Range(0, 20).Select(i =>
            $"fragment F{i} on Region {{ parent {{ ...F{i + 1} }} }} "));
        var query = "{ city { ...F0 } } " + fragments + "fragment F20 on Region { code }";

        var reply = await factory.ClientFor("samr-jiaxing").PostAsync(query, AccessLogProbe.NewPurpose("depth"));

        Assert.Equal("QUERY_TOO_DEEP", reply.FirstErrorCode);
    }
}
