using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Changes;

/// <summary>
/// A partner keeps its cursor across the server's restart: a new server on the same database file answers from
/// exactly there — the events written before the restart that it had not read, then those written after.
/// </summary>
public sealed class ChangeFeedRestartTests
{
    [Fact]
    public async Task A_cursor_kept_across_a_restart_resumes_with_no_gap_and_no_repeat()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pq-feed-restart-{Guid.NewGuid():N}.db");
        try
        {
            var read = new List<string>();
            string? kept;
            using (var before = new FileServerFactory(path))
            {
                var (code, product, _) = await before.EnterpriseAsync(6);
                await before.FailedSamplingAsync("samr-jiaxing", code, product, "2026-11-26");
                var (page, end, more) = await Feed.PageAsync(before.ClientFor("finance"), null, 2);
                Assert.True(more, "the first write should make more than two events");
                read.AddRange(page.Select(e => e.Cursor()));
                kept = end;
                await before.FailedSamplingAsync("samr-jiaxing", code, product, "2026-11-27");
            }

            using var after = new FileServerFactory(path);
            var (other, otherProduct, _) = await after.EnterpriseAsync(9);
            await after.FailedSamplingAsync("samr-jiaxing", other, otherProduct, "2026-11-27");
            read.AddRange((await Feed.ReadAllAsync(after.ClientFor("finance"), kept, 3)).Select(e => e.Cursor()));

            var everything = (await Feed.ReadAllAsync(after.ClientFor("finance"), null, 500)).Select(e => e.Cursor());
            Assert.Equal(everything, read);
            var codes = await after.DbAsync(db => Task.FromResult(db.ChangeEvents.Select(c => c.CreditCode).ToList()));
            Assert.Contains(other, codes);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }
}
