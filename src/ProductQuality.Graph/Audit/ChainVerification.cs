namespace ProductQuality.Graph.Audit;

/// <summary>
/// The outcome of walking the chain: intact with its length and head, or the first broken link — the position
/// where the walk stopped and what is wrong there.
/// </summary>
public sealed record ChainVerification(bool Intact, long Entries, long HeadSeq, string HeadHash, long? BrokenAt,
    string? Problem)
{
    public static ChainVerification Broken(long seq, string problem, long entries, long headSeq, string headHash) =>
        new(false, entries, headSeq, headHash, seq, problem);
}
