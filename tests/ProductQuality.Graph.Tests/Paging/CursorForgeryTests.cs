using System.Text;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Paging;

/// <summary>
/// A cursor the server did not issue — bad base64, bad UTF-8, wrong version, id out of range, or a key its order
/// cannot read (a class that does not exist, an index that is not a finite number, a day that is not a date) —
/// is INVALID_CURSOR in every order, never ARGUMENT, FORMAT or INVALID_OPERATION.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CursorForgeryTests(GraphServerFactory factory)
{
    private static readonly string[] Orders = ["NameAsc", "ClassBestFirst", "ClassWorstFirst",
        "QualityIndexHighFirst", "QualityIndexLowFirst"];
    private static readonly string[] Keys = ["", "Z", "5", "-1", "A,B", " A", "a", "abc", "NaN", "Infinity",
        "-Infinity", "1e999", "0x10", "2025-02-30", "｜"];
    private static readonly string[] Ids = ["1", "0", "-1", "99999999999", "1.5", "", "abc"];

    public static IEnumerable<string> Forged(string order)
    {
        foreach (var key in Keys)
        {
            foreach (var id in Ids.Where(id => !ReadableKey(order, key) || !uint.TryParse(id, out var n)
                || n > int.MaxValue))
            {
                yield return Encode($"v1|{order}|{key}|{id}");
            }
        }

        foreach (var text in new[] { "", "v1", $"v2|{order}|A|1", $"v1|{order}|A", $"v1|{order}|A|1|2", "|||" })
        {
            yield return Encode(text);
        }

        foreach (var raw in new[] { "@@@", "====", "a", "ab=c", "\u00e9\u00e9\u00e9\u00e9", "/////", "----" })
        {
            yield return raw;
        }

        yield return Convert.ToBase64String([0xff, 0xfe, 0x7c, 0x80, 0xc0]);
    }

    [Fact]
    public async Task Forged_enterprise_cursors_are_invalid_cursor_in_every_order()
    {
        var client = factory.ClientFor("samr-jiaxing");
        var orders = new[] { "NAME_ASC", "CLASS_BEST_FIRST", "CLASS_WORST_FIRST", "QUALITY_INDEX_HIGH_FIRST",
            "QUALITY_INDEX_LOW_FIRST" };
        for (var i = 0; i < Orders.Length; i++)
        {
            foreach (var cursor in Forged(Orders[i]))
            {
                var reply = await client.PostAsync(
                    "query($a: String, $o: EnterpriseOrder) { enterprises(first: 2, after: $a, orderBy: $o) "
                    + "{ edges { cursor } } }", new { a = cursor, o = orders[i] });
                await AssertInvalidCursor(reply, $"{orders[i]} {cursor}");
            }
        }
    }

    [Fact]
    public async Task Forged_warning_cursors_are_invalid_cursor()
    {
        var client = factory.ClientFor("samr-jiaxing");
        foreach (var cursor in Forged("IssuedDesc").Concat(Forged("NameAsc").Take(20)))
        {
            var reply = await client.PostAsync(
                "query($a: String) { riskWarnings(first: 2, after: $a) { edges { cursor } } }", new { a = cursor });
            await AssertInvalidCursor(reply, cursor);
        }
    }

    [Fact]
    public async Task Issued_cursors_still_page()
    {
        var client = factory.ClientFor("samr-jiaxing");
        var first = (await client.PostAsync(
            "{ enterprises(first: 2, orderBy: QUALITY_INDEX_LOW_FIRST) { pageInfo { endCursor } } }")).EnsureData();
        var end = first.Data.GetProperty("enterprises").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        (await client.PostAsync(
            "query($a: String) { enterprises(first: 2, after: $a, orderBy: QUALITY_INDEX_LOW_FIRST) { totalCount } }",
            new { a = end })).EnsureData();
    }

    /// <summary>Whether the order can read the key (then only a bad id or structure makes the cursor forged).</summary>
    private static bool ReadableKey(string order, string key) => order switch
    {
        "NameAsc" => true,
        "ClassBestFirst" or "ClassWorstFirst" => key is "AA" or "A" or "B" or "C",
        "IssuedDesc" => DateOnly.TryParseExact(key, "yyyy-MM-dd", out _),
        _ => double.TryParse(key, System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var d)
            && double.IsFinite(d),
    };

    private static Task AssertInvalidCursor(GraphQLReply reply, string what)
    {
        CleanAnswer.Assert(reply, what);
        Assert.True(reply.HasErrors && reply.FirstErrorCode == "INVALID_CURSOR", $"{what}: {reply.Body}");
        return Task.CompletedTask;
    }

    private static string Encode(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
