using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Changes;
using ProductQuality.Graph.Schema;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Changes;

/// <summary>
/// Forged, damaged and foreign cursors, thousands of them from a fixed seed: each is either a cursor this server
/// would issue (and reads as its position) or INVALID_CURSOR — never another error, and over HTTP never a 5xx. And
/// a cursor tells nothing of the feed beyond the reader's own events: no position in it, no answer that depends on
/// how long the feed is.
/// </summary>
[Collection(ChangeFeedServerCollection.Name)]
public sealed class ChangeCursorFuzzTests(ChangeFeedServerFactory factory)
{
    private const int Seed = 20261203;

    [Fact]
    public void Every_fuzzed_cursor_decodes_to_the_position_it_encodes_or_is_INVALID_CURSOR()
    {
        using var cursors = new ChangeCursor(RandomNumberGenerator.GetBytes(32));
        foreach (var cursor in Cursors(cursors, new Random(Seed), 5_000))
        {
            try
            {
                var id = cursors.Decode(cursor);
                Assert.Equal(cursors.Encode(id), cursor);
            }
            catch (DomainException e)
            {
                Assert.Equal(ErrorCodes.InvalidCursor, e.Code);
            }
        }
    }

    [Theory]
    [InlineData("changes|v1|7")]
    [InlineData("changes|v1|12345")]          // 22 characters, as long as a sealed cursor
    [InlineData("changes|v1|123456789012")]
    public void A_cursor_of_the_earlier_readable_form_is_told_so_whatever_its_length(string payload)
    {
        using var cursors = new ChangeCursor(RandomNumberGenerator.GetBytes(32));
        var refused = Assert.Throws<DomainException>(() => cursors.Decode(Base64(payload)));
        Assert.Equal(ErrorCodes.InvalidCursor, refused.Code);
        Assert.Contains("earlier, readable form", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cursor_sealed_under_another_databases_key_is_INVALID_CURSOR()
    {
        using var ours = new ChangeCursor(RandomNumberGenerator.GetBytes(32));
        using var theirs = new ChangeCursor(RandomNumberGenerator.GetBytes(32));
        var random = new Random(Seed + 2);
        for (var i = 0; i < 2_000; i++)
        {
            var position = random.NextInt64(1, 1_000_000_000);
            Assert.Equal(position, ours.Decode(ours.Encode(position)));
            var refused = Assert.Throws<DomainException>(() => ours.Decode(theirs.Encode(position)));
            Assert.Equal(ErrorCodes.InvalidCursor, refused.Code);
        }
    }

    [Fact]
    public async Task Fuzzed_cursors_over_HTTP_answer_a_page_or_INVALID_CURSOR_and_never_a_5xx()
    {
        var client = factory.ClientFor("finance");
        var cursors = await ServerCursorsAsync();
        foreach (var cursor in Cursors(cursors, new Random(Seed + 1), 400).Append(cursors.Encode(long.MaxValue)))
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
        var cursors = await ServerCursorsAsync();

        foreach (var cursor in new[] { foreign!, cursors.Encode(head + 1), "", "changes" })
        {
            var reply = await client.PostAsync(Feed.Page, new { after = cursor });
            Assert.Equal("INVALID_CURSOR", reply.FirstErrorCode);
        }

        // A follower that sent its stored cursor unchanged (from another database, or before a reseed) is told the
        // way out, not only to send it unchanged, which it did (the fuzz probe).
        using var other = new ProductQuality.Graph.Schema.Paging.CursorSeal(
            System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var elsewhere = await client.PostAsync(Feed.Page, new { after = other.Seal("changes", "1") });
        Assert.Equal("INVALID_CURSOR", elsewhere.FirstErrorCode);
        Assert.Contains("start again without 'after'", elsewhere.FirstErrorMessage, StringComparison.Ordinal);
    }

    /// <summary>
    /// A county bureau's feed skips other counties' changes, and the public's skips classes and health codes: if a
    /// cursor held the feed's position, the gap between two of a reader's events would count the changes hidden
    /// between them, and forging positions would find the feed's length ("past the end" or not). So no issued
    /// cursor holds its position in any plain form, and a cursor of the earlier readable form is refused with the
    /// same answer whether its position lies inside the feed or beyond it.
    /// </summary>
    [Fact]
    public async Task Cursors_hold_no_readable_position_and_forged_positions_answer_alike_inside_and_past_the_end()
    {
        var (code, product, _) = await factory.EnterpriseAsync(3, county: "330402");
        await factory.FailedSamplingAsync("samr-jiaxing", code, product, "2026-11-20");
        var cursors = await ServerCursorsAsync();
        foreach (var department in new[] { "samr-330402", "samr-330481", "finance", null })
        {
            foreach (var node in await Feed.ReadAllAsync(factory.ClientFor(department), null, 500))
            {
                var cursor = node.Cursor();
                var position = cursors.Decode(cursor);
                var bytes = Base64Url.DecodeFromChars(cursor);
                var bigEndian = new byte[8];
                BinaryPrimitives.WriteInt64BigEndian(bigEndian, position);
                Assert.True(bytes.AsSpan().IndexOf("changes"u8) < 0
                    && bytes.AsSpan().IndexOf(bigEndian) < 0
                    && bytes.AsSpan().IndexOf(BitConverter.GetBytes(position)) < 0,
                    $"{cursor} holds its position {position} readably");
            }
        }

        var head = await factory.DbAsync(db => Task.FromResult(db.ChangeEvents.Max(c => (long?)c.Id) ?? 0));
        Assert.True(head > 2, "the feed should hold events to forge positions inside it");
        var answers = new HashSet<string>();
        foreach (var position in new[] { 1, head / 2, head, head + 1, head * 10 })
        {
            var reply = await factory.ClientFor("samr-330481")
                .PostAsync(Feed.Page, new { after = Base64($"changes|v1|{position}"), first = 1 });
            Assert.Equal("INVALID_CURSOR", reply.FirstErrorCode);
            answers.Add(reply.FirstErrorMessage!);
        }

        Assert.Single(answers);
    }

    // The server's cursor, under its database's key (read when it started).
    private async Task<ChangeCursor> ServerCursorsAsync()
    {
        await Feed.EndAsync(factory.ClientFor("finance"));
        return factory.Services.GetRequiredService<Graph.Infrastructure.CursorKeys>().Feed;
    }

    // Valid cursors, then each mutated: characters flipped, cut, doubled, padded, re-encoded payloads a forger
    // would try (negative, zero, leading zeros, spaces, other prefixes, huge numbers), and random text.
    private static IEnumerable<string> Cursors(ChangeCursor cursors, Random random, int count)
    {
        string[] payloads =
        [
            "changes|v1|-1", "changes|v1|0", "changes|v1|007", "changes|v1| 7", "changes|v1|7 ", "changes|v2|7",
            "v1|changes||7", "changes|v1|99999999999999999999", "changes|v1|1e3", "changes|v1|", "changes|v1|7|8",
            "changes|v1|٣", "CHANGES|v1|7",
        ];
        for (var i = 0; i < count; i++)
        {
            var valid = cursors.Encode(random.NextInt64(1, 1_000_000_000_000));
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
