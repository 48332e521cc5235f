namespace ProductQuality.Graph.Audit;

/// <summary>
/// The outcome of walking the chain: intact with its length and head, or the first broken link — the position
/// where the walk stopped, what is wrong there and where (<see cref="BrokenIn"/>: an archive file and line, or the
/// table). <see cref="Archived"/> of the <see cref="Entries"/> were walked in archive files.
/// </summary>
public sealed record ChainVerification(bool Intact, long Entries, long HeadSeq, string HeadHash, long? BrokenAt,
    string? Problem)
{
    public long Archived { get; init; }

    public int ArchiveFiles { get; init; }

    public string? BrokenIn { get; init; }

    /// <summary>Why the archive folder was not read (it holds another database's archive), or null.</summary>
    public string? ArchiveNotRead { get; init; }

    /// <summary>Entries appended after the walk's snapshot of the head (a running server's): not walked this time.
    /// </summary>
    public long Newer { get; init; }

    public static ChainVerification Broken(long seq, string problem, long entries, long headSeq, string headHash) =>
        new(false, entries, headSeq, headHash, seq, problem);
}
