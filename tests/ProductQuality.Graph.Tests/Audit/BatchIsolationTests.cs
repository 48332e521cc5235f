using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// Group commit shares a transaction between requests, and so its failure: an entry the store refuses must fail its
/// own request only. A batch that fails is appended again one entry at a time; the chain stays whole. And text from
/// the caller is made fit for every provider's columns before it is logged (<see cref="AccessLogging.Cap"/>).
/// </summary>
[Collection(AccessLogServerCollection.Name)]
public sealed class BatchIsolationTests(AccessLogServerFactory factory)
{
    [Fact]
    public async Task An_entry_the_store_refuses_fails_alone_and_its_batch_is_logged()
    {
        // A window long enough that every entry below is taken in one batch.
        using var host = factory.WithWebHostBuilder(b => b.UseSetting("AccessLog:BatchWindowMilliseconds", "100"));
        var writer = host.Services.GetRequiredService<AccessLogWriter>();
        var purpose = AccessLogProbe.NewPurpose("batch");
        var appends = Enumerable.Range(0, 21)
            .Select(i => writer.AppendAsync(Entry(i == 10 ? null! : $"batch-{i}", purpose))).ToList();

        var poisoned = await Assert.ThrowsAnyAsync<Exception>(() => appends[10]);
        Assert.NotNull(poisoned);
        await Task.WhenAll(appends.Where((_, i) => i != 10));
        var chain = await host.Services.GetRequiredService<ChainVerifier>().VerifyAsync();
        Assert.True(chain.Intact, chain.Problem);
    }

    [Fact]
    public void Caller_text_is_cut_whole_and_freed_of_what_a_column_cannot_hold()
    {
        var random = new Random(20_261_204);
        char[] alphabet = ['a', '嘉', '\0', '\ud83d', '\ude00', '\ud800', '\udfff', ' '];
        for (var n = 0; n < 2_000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 600))
                .Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var kept = AccessLogging.Cap(text)!;

            Assert.True(kept.Length <= 256, $"{kept.Length} characters");
            Assert.DoesNotContain('\0', kept);
            for (var i = 0; i < kept.Length; i++)
            {
                Assert.True(!char.IsSurrogate(kept[i]) || char.IsSurrogatePair(kept, char.IsHighSurrogate(kept[i])
                    ? i : i - 1), $"a lone surrogate at {i}");
            }
        }

        Assert.Equal(new string('O', 255), AccessLogging.Cap(new string('O', 255) + "😀"));
        Assert.Equal("A\uFFFDB", AccessLogging.Cap("A\0\ud800B"));
        Assert.Null(AccessLogging.Cap(null));
    }

    private static AccessLogEntry Entry(string requestId, string purpose) => new()
    {
        AtUtc = AccessChain.Truncate(DateTime.UtcNow),
        RequestId = requestId,
        Department = "finance",
        FieldGroups = "Identity",
        Purpose = purpose,
        Outcome = AccessOutcome.Ok,
        Status = 200,
    };
}
