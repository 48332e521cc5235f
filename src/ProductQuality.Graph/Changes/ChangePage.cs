namespace ProductQuality.Graph.Changes;

/// <summary>One page of a reader's feed: its events in feed order and whether more follow already.</summary>
/// <param name="EndPosition">Where to resume: the last event's position, or the one asked from if none (0: the
/// beginning, which has no cursor).</param>
public sealed record ChangePage(IReadOnlyList<ChangeEvent> Events, bool HasMore, long EndPosition);
