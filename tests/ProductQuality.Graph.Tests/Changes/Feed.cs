using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Changes;

/// <summary>How a partner's system reads the change feed: page after page from its last cursor.</summary>
public static class Feed
{
    public const string Page = """
        query($after: String, $first: Int, $kinds: [ChangeKind!]) {
          changes(after: $after, first: $first, kinds: $kinds) {
            edges { cursor node { cursor kind creditCode oldValue newValue effectiveFrom correction reason } }
            pageInfo { hasNextPage endCursor } } }
        """;

    /// <summary>The same page for contracts with product tiers and assured: every field an event has.</summary>
    public const string FullPage = """
        query($after: String, $first: Int, $kinds: [ChangeKind!]) {
          changes(after: $after, first: $first, kinds: $kinds) {
            edges { cursor node { cursor kind creditCode productCode oldValue newValue effectiveFrom validUntil
              correction reason } }
            pageInfo { hasNextPage endCursor } } }
        """;

    /// <summary>The feed position a cursor holds, opened with the server's key.</summary>
    public static long Position(TestServerFactory server, string cursor) =>
        server.Services.GetRequiredService<Graph.Infrastructure.CursorKeys>().Feed.Decode(cursor);

    /// <summary>Where the reader's feed ends now (null when it holds nothing yet).</summary>
    public static async Task<string?> EndAsync(HttpClient client)
    {
        var reply = (await client.PostAsync("{ changes(first: 0) { pageInfo { endCursor } } }")).EnsureData();
        var end = reply.Data.GetProperty("changes").GetProperty("pageInfo").GetProperty("endCursor");
        return end.ValueKind == JsonValueKind.Null ? null : end.GetString();
    }

    /// <summary>Every event after the cursor, read in pages of <paramref name="first"/>.</summary>
    public static async Task<List<JsonElement>> ReadAllAsync(
        HttpClient client, string? after, int first = 50, string document = Page, string[]? kinds = null)
    {
        var events = new List<JsonElement>();
        while (true)
        {
            var (page, end, more) = await PageAsync(client, after, first, document, kinds);
            events.AddRange(page);
            after = end ?? after;
            if (!more)
            {
                return events;
            }
        }
    }

    public static async Task<(List<JsonElement> Events, string? End, bool More)> PageAsync(
        HttpClient client, string? after, int first, string document = Page, string[]? kinds = null)
    {
        var reply = (await client.PostAsync(document, new { after, first, kinds })).EnsureData();
        var changes = reply.Data.GetProperty("changes");
        var info = changes.GetProperty("pageInfo");
        var end = info.GetProperty("endCursor");
        return ([.. changes.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").Clone())],
            end.ValueKind == JsonValueKind.Null ? null : end.GetString(), info.GetProperty("hasNextPage").GetBoolean());
    }

    public static string Kind(this JsonElement change) => change.GetProperty("kind").GetString()!;

    public static string? Code(this JsonElement change) => change.GetProperty("creditCode").GetString();

    public static string Cursor(this JsonElement change) => change.GetProperty("cursor").GetString()!;
}
