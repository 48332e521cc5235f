using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Paging;

/// <summary>
/// A cursor belongs to the caller's rows as well as to its list. A county bureau's cursor given to another county
/// was accepted, and placed the other county's page after an enterprise of the first, skipping rows; a city-wide
/// department's cursor likewise served a county and the other way round (the fuzz probe found 394 such pairs).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CursorRowScopeTests(GraphServerFactory factory)
{
    private static readonly string[] Lists =
    [
        "enterprises(first: 2, after: $after) { pageInfo { endCursor } }",
        "inspectionPlan(first: 2, after: $after, from: \"2026-12-01\", to: \"2027-03-01\") { pageInfo { endCursor } }",
        "riskWarnings(first: 2, after: $after) { pageInfo { endCursor } }",
    ];

    private static readonly string[] Callers = ["samr-330402", "samr-330481", "samr-jiaxing"];

    [Fact]
    public async Task A_cursor_serves_only_callers_with_the_same_rows()
    {
        foreach (var list in Lists)
        {
            var query = $"query($after: String) {{ page: {list} }}";
            foreach (var owner in Callers)
            {
                var cursor = (await factory.ClientFor(owner).PostAsync(query, new { after = (string?)null }))
                    .EnsureData().Data.GetProperty("page").GetProperty("pageInfo").GetProperty("endCursor")
                    .GetString();
                Assert.False(string.IsNullOrEmpty(cursor), $"{owner} got no cursor from {list}");

                foreach (var caller in Callers)
                {
                    var reply = await factory.ClientFor(caller).PostAsync(query, new { after = cursor });
                    if (caller == owner)
                    {
                        reply.EnsureData();
                    }
                    else
                    {
                        Assert.True(ErrorCodes.InvalidCursor == reply.FirstErrorCode,
                            $"{owner}'s cursor of {list} served {caller}: {reply.Body}");
                    }
                }
            }
        }
    }
}
