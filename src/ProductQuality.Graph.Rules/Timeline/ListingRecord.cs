using ProductQuality.Graph.Rules.Blacklist;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>
/// A listing on or removal from the blacklist (黑名单) that the rule derived. It has no document number yet: the host
/// numbers only the events that are new to its register.
/// </summary>
/// <param name="Reason">The event and why, in parts tagged with the facts each states (a reader sees its own).
/// </param>
public sealed record ListingRecord(
    BlacklistEventKind Kind,
    DateOnly OccurredOn,
    BlacklistReason ReasonCategory,
    IReadOnlyList<SummaryClause> Reason,
    Explanation Explanation);
