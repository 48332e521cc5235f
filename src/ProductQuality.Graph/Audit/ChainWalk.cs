namespace ProductQuality.Graph.Audit;

/// <summary>
/// A walk along the chain, one entry at a time, wherever the entries come from (archive files, then the table): each
/// must be the next position, follow the hash before it, and match its own hash recomputed from its content.
/// </summary>
public sealed class ChainWalk
{
    /// <summary>Start at the chain's beginning, or just after an entry already walked elsewhere.</summary>
    public ChainWalk(long seq = 0, string? hash = null) => (Seq, Hash) = (seq, hash ?? AccessChain.Genesis);

    /// <summary>The last entry walked (0 before the first).</summary>
    public long Seq { get; private set; }

    public string Hash { get; private set; }

    public long Count { get; private set; }

    /// <summary>Told the count every <see cref="ReportEvery"/> entries: a long walk shows it is moving.</summary>
    public Action<long>? Progress { get; init; }

    public long ReportEvery { get; init; } = 100_000;

    /// <summary>Where the walk stops when <paramref name="entry"/> is wrong: the position that is missing or broken.
    /// </summary>
    public long BrokenAt(AccessLogEntry entry) =>
        entry?.Seq == Seq + 1 ? entry.Seq : Seq + 1;

    /// <summary>Takes the entry as the next link, or says what is wrong with it (the walk then stays where it was).
    /// </summary>
    public string? Step(AccessLogEntry entry, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var problem = Problem(entry, codes.ToList());
        if (problem is null)
        {
            (Seq, Hash, Count) = (entry.Seq, entry.Hash, Count + 1);
            if (Progress is not null && Count % ReportEvery == 0)
            {
                Progress(Count);
            }
        }

        return problem;
    }

    /// <summary>The entry's hash, recomputed, equals the stored one and its codes are all there.</summary>
    public static bool Matches(AccessLogEntry entry, IReadOnlyCollection<string> codes) =>
        codes.Count == entry.CodeCount && AccessChain.HashOf(entry, codes) == entry.Hash;

    private string? Problem(AccessLogEntry entry, List<string> codes)
    {
        var expected = Seq + 1;
        if (entry.Seq != expected)
        {
            return $"Entry {expected} is missing (entry {entry.Seq} comes next instead): it was removed, renumbered "
                + "or moved.";
        }

        if (entry.PreviousHash != Hash)
        {
            return $"Entry {entry.Seq} does not follow entry {Seq}: its previous hash is not that entry's hash, so "
                + "entries were removed, inserted or reordered here.";
        }

        return Matches(entry, codes)
            ? null
            : $"Entry {entry.Seq} was altered: its content (or its list of credit codes) no longer matches its hash.";
    }
}
