using ProductQuality.Graph.Audit;

namespace ProductQuality.Graph.Tests.Audit;

/// <summary>
/// <c>audit verify</c> over millions of entries takes a while: the walk reports how far it is at every step of
/// <see cref="ChainWalk.ReportEvery"/> entries it accepts, and never for an entry it refuses.
/// </summary>
public sealed class ChainWalkProgressTests
{
    [Fact]
    public void The_walk_reports_every_so_many_entries_it_accepts()
    {
        var reported = new List<long>();
        var walk = new ChainWalk { Progress = reported.Add, ReportEvery = 10 };
        var entries = Chain(25);
        foreach (var entry in entries)
        {
            Assert.Null(walk.Step(entry, []));
        }

        Assert.Equal([10, 20], reported);

        var stopped = new List<long>();
        var broken = new ChainWalk { Progress = stopped.Add, ReportEvery = 10 };
        entries[9].Purpose = "altered";
        Assert.All(entries.Take(9), e => Assert.Null(broken.Step(e, [])));
        Assert.NotNull(broken.Step(entries[9], []));
        Assert.Empty(stopped);
    }

    private static List<AccessLogEntry> Chain(int count)
    {
        var previous = AccessChain.Genesis;
        var entries = new List<AccessLogEntry>();
        for (var seq = 1; seq <= count; seq++)
        {
            var entry = new AccessLogEntry
            {
                Seq = seq, AtUtc = new DateTime(2026, 12, 4, 0, 0, 0, DateTimeKind.Utc).AddSeconds(seq),
                RequestId = $"r{seq}", FieldGroups = "identity", PreviousHash = previous, Status = 200,
            };
            entry.Hash = previous = AccessChain.HashOf(entry, []);
            entries.Add(entry);
        }

        return entries;
    }
}
