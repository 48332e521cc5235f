using ProductQuality.Graph.Access;

namespace ProductQuality.Graph.Changes;

/// <summary>What a reader asks of the feed: after which position, how many, which kinds, with whose rights.</summary>
/// <param name="After">The position after which to read; 0 for the beginning.</param>
/// <param name="Kinds">The kinds wanted, already limited to those the reader's contract may read.</param>
public sealed record ChangeFeedRequest(Audience Audience, long After, int First, IReadOnlyCollection<ChangeKind> Kinds);
