namespace ProductQuality.Graph.Changes;

/// <summary>One page of a reader's feed: its events in feed order and whether more follow already.</summary>
/// <param name="EndCursor">Where to resume: the last event's cursor, or the one asked from if none.</param>
public sealed record ChangePage(IReadOnlyList<ChangeEvent> Events, bool HasMore, string? EndCursor);
