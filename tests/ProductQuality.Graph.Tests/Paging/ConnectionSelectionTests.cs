using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Paging;

/// <summary>
/// Every connection of the regulator's contract, found by introspection, answers its count and page info the same
/// however a client selects them: by name, under an alias (as generated clients often do), or through a fragment.
/// An aliased totalCount, or one nine fragments deep, was once left null in its non-null field: an internal error.
/// And 'first: 0' reads no rows but still says whether any follow (Relay's rule), except the change feed, whose
/// first 0 is the feed's head. A filter that sets nothing pages the same list as none. The page info's cursors are
/// sealed only when asked for: asked under an alias, through a fragment on PageInfo or nine fragments deep, they are
/// the same cursors.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ConnectionSelectionTests(GraphServerFactory factory)
{
    private readonly HttpClient _client = factory.ClientFor("samr-jiaxing");

    public static TheoryData<int> Firsts => new() { 0, 1 };

    [Theory]
    [MemberData(nameof(Firsts))]
    public async Task Every_connection_counts_and_pages_alike_by_name_alias_and_fragment(int first)
    {
        var connections = await ConnectionsAsync();
        Assert.True(connections.Count >= 7, $"found only {connections.Count} connections");
        var code = await factory.DbAsync(db =>
            db.Enterprises.OrderBy(e => e.Id).Select(e => e.CreditCode).FirstAsync());

        foreach (var (field, type, arguments) in connections)
        {
            var call = $"{field}({Arguments(arguments, code)}first: {first})";
            // One request, so a list that grows with every request (the access log) is counted once.
            // Nine fragments deep is past the look-ahead's own depth, which must then count as asked.
            var deep = string.Concat(Enumerable.Repeat("... { ", 9))
                + "totalCount pageInfo { hasNextPage startCursor endCursor }"
                + string.Concat(Enumerable.Repeat(" }", 9));
            var data = (await _client.PostAsync(
                $"{{ a: {call} {{ totalCount pageInfo {{ hasNextPage startCursor endCursor }} }} "
                + $"b: {call} {{ n: totalCount p: pageInfo {{ more: hasNextPage s: startCursor e: endCursor }} }} "
                + $"c: {call} {{ ...F }} d: {call} {{ {deep} }} }} "
                + $"fragment F on {type} {{ totalCount ... on {type} {{ pageInfo {{ hasNextPage ...P }} }} }} "
                + "fragment P on PageInfo { ... on PageInfo { startCursor } endCursor }"))
                .EnsureData().Data;
            var (byName, byAlias, byFragment) = (data.GetProperty("a"), data.GetProperty("b"), data.GetProperty("c"));
            Assert.Equal(byName.GetRawText(), data.GetProperty("d").GetRawText());

            var total = byName.GetProperty("totalCount").GetInt32();
            var more = byName.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean();
            Assert.Equal(total, byAlias.GetProperty("n").GetInt32());
            Assert.Equal(more, byAlias.GetProperty("p").GetProperty("more").GetBoolean());
            Assert.Equal(total, byFragment.GetProperty("totalCount").GetInt32());
            Assert.Equal(more, byFragment.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
            var (start, end) = (byName.GetProperty("pageInfo").GetProperty("startCursor").GetString(),
                byName.GetProperty("pageInfo").GetProperty("endCursor").GetString());
            Assert.Equal(start, byAlias.GetProperty("p").GetProperty("s").GetString());
            Assert.Equal(end, byAlias.GetProperty("p").GetProperty("e").GetString());
            Assert.Equal(start, byFragment.GetProperty("pageInfo").GetProperty("startCursor").GetString());
            Assert.Equal(end, byFragment.GetProperty("pageInfo").GetProperty("endCursor").GetString());
            if (field != "changes")
            {
                Assert.True(total > first == more, $"{field}(first: {first}): {total} rows, hasNextPage {more}");
                // A page with a row has its cursors; 'first: 0' has none.
                Assert.True((first > 0 && total > 0) == (end is not null && start is not null),
                    $"{field}(first: {first}): {total} rows, cursors {start} … {end}");
            }
        }
    }

    [Theory]
    [InlineData("", "filter: {}")]
    [InlineData("filter: {}", "")]
    [InlineData("filter: { countyCode: null, class: null }", "filter: {}")]
    [InlineData("", "filter: { nameContains: null }")]
    public async Task A_filter_that_sets_nothing_pages_the_same_list_as_none(string first, string next)
    {
        var page = (await _client.PostAsync($"{{ enterprises(first: 2 {first}) {{ pageInfo {{ endCursor }} }} }}"))
            .EnsureData().Data.GetProperty("enterprises").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var following = await _client.PostAsync(
            $"{{ enterprises(first: 2, after: \"{page}\" {next}) {{ edges {{ node {{ creditCode }} }} }} }}");
        Assert.Equal(2, following.EnsureData().Data.GetProperty("enterprises").GetProperty("edges").GetArrayLength());
    }

    /// <summary>Each query field of a connection type, with its required arguments.</summary>
    private async Task<List<(string Field, string Type, List<(string Name, string Type)> Required)>>
        ConnectionsAsync()
    {
        var schema = (await _client.PostAsync("""
            { __schema { queryType { fields { name
                type { kind name ofType { name } }
                args { name type { kind ofType { name } } } } } } }
            """)).EnsureData().Data.GetProperty("__schema").GetProperty("queryType").GetProperty("fields");
        var found = new List<(string, string, List<(string, string)>)>();
        foreach (var field in schema.EnumerateArray())
        {
            var type = field.GetProperty("type");
            var name = type.GetProperty("kind").GetString() == "NON_NULL"
                ? type.GetProperty("ofType").GetProperty("name").GetString()
                : type.GetProperty("name").GetString();
            if (name is null || !name.EndsWith("Connection", StringComparison.Ordinal))
            {
                continue;
            }

            var required = field.GetProperty("args").EnumerateArray()
                .Where(a => a.GetProperty("type").GetProperty("kind").GetString() == "NON_NULL")
                .Select(a => (a.GetProperty("name").GetString()!,
                    a.GetProperty("type").GetProperty("ofType").GetProperty("name").GetString()!))
                .ToList();
            found.Add((field.GetProperty("name").GetString()!, name, required));
        }

        return found;
    }

    private static string Arguments(List<(string Name, string Type)> required, string code) =>
        string.Concat(required.Select(a => a switch
        {
            ("creditCode", _) => $"creditCode: \"{code}\", ",
            ("from", "Date") => "from: \"2026-01-01\", ",
            ("to", "Date") => "to: \"2026-12-31\", ",
            _ => throw new InvalidOperationException(
                $"No test value for the required argument {a.Name}: {a.Type}; add one here."),
        }));
}
