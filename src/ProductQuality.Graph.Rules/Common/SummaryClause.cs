namespace ProductQuality.Graph.Rules.Common;

/// <summary>
/// One clause of an explanation's summary (or of a reason), with the kinds of fact it states. A reader sees the
/// clause only when it may read every one of them, so a clause that combines facts (a total over deductions of
/// several kinds) names them all.
/// </summary>
/// <param name="Text">The clause, English first with the Chinese term in brackets.</param>
/// <param name="Groups">Every kind of fact the clause states; never empty.</param>
public sealed record SummaryClause(string Text, IReadOnlyList<FactGroup> Groups);
