namespace ProductQuality.Graph.Audit;

/// <summary>
/// The chain's head, one row: the last position and hash. Every append locks this row (SELECT … FOR UPDATE on
/// PostgreSQL, the write lock on SQLite) for its transaction, so servers sharing one database append one after
/// another — no fork, no gap.
/// </summary>
public sealed class AccessLogHead
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public long Seq { get; set; }

    public string Hash { get; set; } = AccessChain.Genesis;
}
