namespace ProductQuality.Graph.Audit;

/// <summary>
/// A signed statement of the chain's head: "entry <paramref name="Seq"/> has hash <paramref name="Hash"/>".
/// </summary>
public sealed record ChainCheckpoint(long Seq, string Hash, DateTimeOffset SignedAt, string? KeyId);
