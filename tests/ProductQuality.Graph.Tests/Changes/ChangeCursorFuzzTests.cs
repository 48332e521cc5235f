using System.Text;
using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Changes;

/// <summary>
/// Forged, damaged and foreign cursors, thousands of them from a fixed seed: each is either a cursor this server
/// would issue (and reads as its position) or INVALID_CURSOR — never another error, and over HTTP never a 5xx.
/// </summary>
[Collection(ChangeFeedServerCollection.Name)]
public sealed class ChangeCursorFuzzTests(ChangeFeedServerFactory factory)
{
    private const int Seed = 20261203;

    [Fact]
    public void Every_fuzzed_cursor_decodes_to_the_position_it_encodes_or_is_INVALID_CURSOR()
    {
        foreach (var cursor in Cursors(new Random(Seed), 5_000))
        {
            try
            {
                var id = ChangeCursor.Decode(cursor);
                Assert.Equal(ChangeCursor.Encode(id), cursor);
            }
            catch (DomainException e)
            {
                Assert.Equal(ErrorCodes.InvalidCursor, e.Code);
            }
        }
    }

    [Fact]
    public async Task Fuzzed_cursors_over_HTTP_answer_a_page_or_INVALID_CURSOR_and_never_a_5xx()
    {
        var client = factory.ClientFor("finance");
        foreach (var cursor in Cursors(new Random(Seed + 1), 400).Append(ChangeCursor.Encode(long.MaxValue)))
        {
            var reply = await client.PostAsync(Feed.Page, new { after = cursor, first = 1 });
            Assert.True((int)reply.Status < 500, $"{cursor}: {(int)reply.Status} {reply.Body}");
            if (reply.HasErrors)
            {
                Assert.Equal("INVALID_CURSOR", reply.FirstErrorCode);
            }
        }
    }

    [Fact]
    public async Task A_cursor_of_another_list_or_past_the_end_is_INVALID_CURSOR()
    {
        var client = factory.ClientFor("finance");
        var enterprises = (await client.PostAsync("{ enterprises(first: 1) { pageInfo { endCursor } } }")).EnsureData();
        var foreign = enterprises.Data.GetProperty("enterprises").GetProperty("pageInfo").GetProperty("endCursor")
            .GetString();
        var head = await factory.DbAsync(db => Task.FromResult(db.ChangeEvents.Max(c => (long?)c.Id) ?? 0));

        foreach (var cursor in new[] { foreign!, ChangeCursor.Encode(head + 1), "", "changes" })
        {
            var reply = await client.PostAsync(Feed.Page, new { after = cursor });
            Assert.Equal("INVALID_CURSOR", reply.FirstErrorCode);
        }
    }

    // Valid cursors, then each mutated: characters flipped, cut, doubled, padded, re-encoded payloads a forger
    // would try (negative, zero, leading zeros, spaces, other prefixes, huge numbers), and random text.
    private static IEnumerable<string> Cursors(Random random, int count)
    {
        string[] payloads =
        [
            "changes|v1|-1", "changes|v1|0", "changes|v1|007", "changes|v1| 7", "changes|v1|7 ", "changes|v2|7",
            "v1|changes||7", "changes|v1|99999999999999999999", "changes|v1|1e3", "changes|v1|", "changes|v1|7|8",
            "changes|v1|٣", "CHANGES|v1|7",
        ];
        for (var i = 0; i < count; i++)
        {
            var valid = ChangeCursor.Encode(random.NextInt64(1, 1_000_000_000_000));
            yield return (i % 6) switch
            {
                0 => valid,
                1 => Flip(random, valid),
                2 => valid[..random.Next(valid.Length)] + (random.Next(2) == 0 ? "" : "=="),
                3 => Base64(payloads[random.Next(payloads.Length)]),
                4 => valid + valid[..random.Next(1, valid.Length)],
                _ => RandomText(random),
            };
        }
    }

    private static string Flip(Random random, string text)
    {
        var chars = text.ToCharArray();
        chars[random.Next(chars.Length)] = (char)random.Next(32, 0x3000);
        return new string(chars);
    }

    private static string Base64(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string RandomText(Random random) =>
        new([.. Enumerable.Range(0, random.Next(0, 90)).Select(_ => (char)random.Next(1, 0xD7FF))]);
}
