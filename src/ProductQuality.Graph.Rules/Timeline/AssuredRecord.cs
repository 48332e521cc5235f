using ProductQuality.Graph.Rules.Assured;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>A grant (or renewal), revocation or expiry of the assured consumption unit title (放心消费单位).</summary>
/// <param name="ValidUntil">Last day of a grant; null for a revocation or an expiry.</param>
/// <param name="Reason">The event, then the rule's headline and clauses, each tagged with the group it states.</param>
public sealed record AssuredRecord(
    AssuredEventKind Kind,
    DateOnly OccurredOn,
    DateOnly? ValidUntil,
    IReadOnlyList<SummaryClause> Reason,
    Explanation Explanation);
