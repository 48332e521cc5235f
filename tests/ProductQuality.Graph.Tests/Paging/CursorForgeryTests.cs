using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Schema.Paging;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Paging;

/// <summary>
/// A cursor the server did not issue — bad base64, bad UTF-8, wrong version, a broken seal, id out of range, or a key
/// its order cannot read (a class that does not exist, an index that is not a finite number, a day that is not a
/// date) — is INVALID_CURSOR in every order, never ARGUMENT, FORMAT or INVALID_OPERATION. So is an issued cursor with
/// any character changed, cut or added, one from another list or filter, or one sealed under another database's
/// key. And no cursor can be read: the ids and log positions in it would count rows the reader may not see.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CursorForgeryTests(GraphServerFactory factory)
{
    private static readonly string[] Orders = ["NameAsc", "ClassBestFirst", "ClassWorstFirst",
        "QualityIndexHighFirst", "QualityIndexLowFirst"];
    private static readonly string[] Keys = ["", "Z", "5", "-1", "A,B", " A", "a", "abc", "NaN", "Infinity",
        "-Infinity", "1e999", "0x10", "2025-02-30", "｜"];
    private static readonly string[] Ids = ["1", "0", "-1", "99999999999", "1.5", "", "abc"];

    /// <summary>Cursors sealed for <paramref name="scope"/> (so only their content is wrong), then unsealed ones.
    /// </summary>
    public static IEnumerable<string> Forged(CursorSeal seal, string order, string scope)
    {
        ArgumentNullException.ThrowIfNull(seal);
        foreach (var key in Keys)
        {
            foreach (var id in Ids.Where(id => !ReadableKey(order, key) || !uint.TryParse(id, out var n)
                || n > int.MaxValue))
            {
                yield return seal.Seal(scope, $"v3|{order}|{key}|{id}");
            }
        }

        foreach (var text in new[] { "", "v3", $"v1|{order}|A|1", $"v2|{order}|A|1", $"v3|{order}|A", "|||",
            $"v3|{order}|A|1\0", $"v3|{order}|A|01", $"v3|{order}|A|+1", $"v3|{order}" })
        {
            yield return seal.Seal(scope, text);
        }

        // Well formed, but sealed under another database's key, or for the list with its text changed.
        using var other = new CursorSeal(RandomNumberGenerator.GetBytes(32));
        yield return other.Seal(scope, $"v3|{order}|A|1");
        yield return seal.Seal(scope + " ", $"v3|{order}|A|1");

        foreach (var raw in new[] { "@@@", "====", "a", "ab=c", "\u00e9\u00e9\u00e9\u00e9", "/////", "----" })
        {
            yield return raw;
        }

        yield return Encode($"v2|{order}|A|1|00000000");
        yield return Encode($"v3|{order}|A|1");
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
            foreach (var cursor in Forged(Seal, Orders[i], "enterprises"))
            {
                var reply = await client.PostAsync(
                    "query($a: String, $o: EnterpriseOrder) { enterprises(first: 2, after: $a, orderBy: $o) "
                    + "{ edges { cursor } } }", new { a = cursor, o = orders[i] });
                await AssertInvalidCursor(reply, $"{orders[i]} {cursor}");
            }
        }
    }

    /// <summary>
    /// A cursor of one order sent with another is refused naming both as the schema spells them (it said
    /// "ClassWorstFirst, not NameAsc": the C# members, which a caller cannot match to anything it sent).
    /// </summary>
    [Fact]
    public async Task A_cursor_of_another_order_is_refused_naming_both_orders_as_the_schema_does()
    {
        var client = factory.ClientFor("samr-jiaxing");
        var cursor = (await client.PostAsync(
                "{ enterprises(first: 1, orderBy: CLASS_WORST_FIRST) { pageInfo { endCursor } } }")).EnsureData()
            .Data.GetProperty("enterprises").GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var reply = await client.PostAsync("query($a: String) { enterprises(first: 1, after: $a) { totalCount } }",
            new { a = cursor });

        Assert.Equal("INVALID_CURSOR", reply.FirstErrorCode);
        Assert.Contains("in another order, not NAME_ASC", reply.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forged_warning_cursors_are_invalid_cursor()
    {
        var client = factory.ClientFor("samr-jiaxing");
        foreach (var cursor in Forged(Seal, "IssuedDesc", "riskWarnings")
            .Concat(Forged(Seal, "NameAsc", "enterprises").Take(20)))
        {
            var reply = await client.PostAsync(
                "query($a: String) { riskWarnings(first: 2, after: $a) { edges { cursor } } }", new { a = cursor });
            await AssertInvalidCursor(reply, cursor);
        }
    }

    /// <summary>
    /// Cursors are sealed per list and rows, not per contract, so finance's cursor reaches project-approval, whose only
    /// order is NAME_ASC: the refusal named the cursor's order, a value its schema does not have (the access probe).
    /// </summary>
    [Fact]
    public async Task A_cursor_of_another_order_is_refused_without_naming_that_order()
    {
        var finance = (await factory.ClientFor("finance").PostAsync(
            "{ enterprises(first: 2, orderBy: QUALITY_INDEX_LOW_FIRST) { pageInfo { endCursor } } }")).EnsureData();
        var cursor = finance.Data.GetProperty("enterprises").GetProperty("pageInfo").GetProperty("endCursor")
            .GetString();
        var reply = await factory.ClientFor("project-approval").PostAsync(
            "query($a: String) { enterprises(first: 2, after: $a) { totalCount } }", new { a = cursor });
        Assert.Equal("INVALID_CURSOR", reply.FirstErrorCode);
        Assert.DoesNotContain("QUALITY_INDEX", reply.Body, StringComparison.Ordinal);
        Assert.Contains("restart from the first page", reply.FirstErrorMessage, StringComparison.Ordinal);
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

    [Fact]
    public async Task An_issued_cursor_changed_cut_or_lengthened_anywhere_is_invalid_cursor()
    {
        var client = factory.ClientFor("samr-jiaxing");
        const string Page = "query($a: String) { enterprises(first: 2, after: $a) { edges { cursor } } }";
        var issued = (await client.PostAsync(Page, new { a = (string?)null })).EnsureData().Data
            .GetProperty("enterprises").GetProperty("edges")[1].GetProperty("cursor").GetString()!;
        var original = Bytes(issued);
        var damaged = new List<string>();
        for (var i = 0; i < issued.Length; i++)
        {
            damaged.Add(issued[..i]);
            damaged.Add(issued[..i] + (issued[i] == 'A' ? 'B' : 'A') + issued[(i + 1)..]);
            damaged.Add(issued[..i] + issued[(i + 1)..]);
        }

        damaged.AddRange([issued + "AAAA", issued + "A", issued + "==", issued + "QQ", "A" + issued]);

        // Base64 carries up to 4 spare bits in its last character: a change there can leave the bytes as they were,
        // which is then the same cursor, rightly accepted.
        var checkedCount = 0;
        foreach (var cursor in damaged.Distinct().Where(d => d.Length > 0 && !Bytes(d).SequenceEqual(original)))
        {
            await AssertInvalidCursor(await client.PostAsync(Page, new { a = cursor }), cursor);
            checkedCount++;
        }

        Assert.True(checkedCount > issued.Length * 2, $"only {checkedCount} damaged cursors were tried");
        (await client.PostAsync(Page, new { a = issued })).EnsureData();
    }

    [Fact]
    public async Task A_cursor_of_another_list_or_filter_is_invalid_cursor_and_of_the_same_one_pages()
    {
        var client = factory.ClientFor("samr-jiaxing");
        async Task<string> EndCursor(string field, string arguments) =>
            (await client.PostAsync($"{{ {field}(first: 2{arguments}) {{ pageInfo {{ endCursor }} }} }}"))
            .EnsureData().Data.GetProperty(field).GetProperty("pageInfo").GetProperty("endCursor").GetString()!;

        var blacklist = await EndCursor("blacklist", "");
        var county = await EndCursor("enterprises", ", filter: { countyCode: \"330481\" }");
        var all = await EndCursor("enterprises", "");

        const string Unfiltered = "query($a: String) { enterprises(first: 2, after: $a) { totalCount } }";
        const string Filtered = "query($a: String) { enterprises(first: 2, after: $a, "
            + "filter: { countyCode: \"330481\" }) { totalCount } }";
        const string OtherFilter = "query($a: String) { enterprises(first: 2, after: $a, "
            + "filter: { countyCode: \"330402\" }) { totalCount } }";
        await AssertInvalidCursor(await client.PostAsync(Unfiltered, new { a = blacklist }), "blacklist's");
        await AssertInvalidCursor(await client.PostAsync(Unfiltered, new { a = county }), "filtered list's");
        await AssertInvalidCursor(await client.PostAsync(OtherFilter, new { a = county }), "other county's");
        await AssertInvalidCursor(await client.PostAsync(Filtered, new { a = all }), "unfiltered list's");
        (await client.PostAsync(Filtered, new { a = county })).EnsureData();
        (await client.PostAsync(Unfiltered, new { a = all })).EnsureData();
    }

    [Theory]
    [InlineData("")]
    [InlineData("a|b")]
    [InlineData("|")]
    [InlineData("嘉兴|1|2")]
    public void A_key_holding_the_separator_comes_back_whole(string key)
    {
        using var seal = new CursorSeal(RandomNumberGenerator.GetBytes(32));
        var scope = new ListScope("enterprises", seal);
        var cursor = Cursor.Encode(scope, "NameAsc", key, 42);
        Assert.Equal((key, 42), Cursor.Decode(scope, cursor, "NameAsc"));
        Assert.Equal(cursor, Cursor.Encode(scope, "NameAsc", key, 42));
    }

    /// <summary>A cursor's length does not tell how many digits its position has (an access log's sequence number
    /// grows with every department's requests).</summary>
    [Fact]
    public void Cursors_of_short_and_long_positions_are_as_long()
    {
        using var seal = new CursorSeal(RandomNumberGenerator.GetBytes(32));
        var scope = new ListScope("accessLog", seal);
        var lengths = new[] { "1", "12345", "1234567890123" }
            .Select(seq => Cursor.Encode(scope, "NewestFirst", seq, 0).Length).Distinct();
        Assert.Single(lengths);
    }

    /// <summary>
    /// The cursors of every list the regulator pages, and of the enterprise's own tracker, hold nothing readable:
    /// not the order, not a key, not the row id or log position (whose gaps count other counties' rows or every
    /// department's requests).
    /// </summary>
    [Fact]
    public async Task No_issued_cursor_of_any_list_can_be_read()
    {
        var regulator = factory.ClientFor("samr-jiaxing");
        var pages = new[]
        {
            "{ enterprises(first: 3, orderBy: QUALITY_INDEX_LOW_FIRST) { edges { cursor } } }",
            "{ blacklist(first: 3) { edges { cursor } } }",
            "{ assuredUnits(first: 3) { edges { cursor } } }",
            "{ riskWarnings(first: 3) { edges { cursor } } }",
            "{ accessLog(first: 3) { edges { cursor } } }",
            "{ inspectionPlan(from: \"2026-12-01\", to: \"2027-12-31\", first: 3) { edges { cursor } } }",
        };
        var cursors = new List<string>();
        foreach (var page in pages)
        {
            var data = (await regulator.PostAsync(page)).EnsureData().Data.EnumerateObject().Single().Value;
            cursors.AddRange(Cursors(data));
        }

        var code = await factory.DbAsync(db => db.Enterprises.Select(e => e.CreditCode).FirstAsync());
        var tracker = (await factory.ClientForEnterprise(code).PostAsync(
            "{ whoAccessed { edges { cursor } } }")).EnsureData().Data.GetProperty("whoAccessed");
        cursors.AddRange(Cursors(tracker));

        Assert.True(cursors.Count >= 12, $"only {cursors.Count} cursors");
        foreach (var cursor in cursors)
        {
            var text = Encoding.Latin1.GetString(Bytes(cursor));
            // "v3|" whole: a '|' anywhere and a "v3" anywhere in 60 random bytes came together about once in 300 runs.
            Assert.False(text.Contains("v3|", StringComparison.Ordinal)
                || text.Contains("Asc", StringComparison.Ordinal) || text.Contains("Desc", StringComparison.Ordinal)
                || text.Contains("First", StringComparison.Ordinal), $"{cursor} reads as {text}");
        }
    }

    private static IEnumerable<string> Cursors(System.Text.Json.JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("cursor").GetString()!);

    private CursorSeal Seal
    {
        get
        {
            using var _ = factory.CreateClient(); // the server has started, and read its key
            return factory.Services.GetRequiredService<Graph.Infrastructure.CursorKeys>().Lists;
        }
    }

    private static byte[] Bytes(string cursor)
    {
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return [];
        }
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
