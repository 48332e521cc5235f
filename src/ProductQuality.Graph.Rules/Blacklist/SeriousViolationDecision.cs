namespace ProductQuality.Graph.Rules.Blacklist;

/// <summary>An enforcement decision (处罚决定) for a serious violation.</summary>
/// <param name="DecisionNumber">The decision's document number (决定书文号).</param>
/// <param name="Date">Date of the decision.</param>
/// <param name="Kind">Which serious violation; not <see cref="BlacklistReason.RepeatFailure"/>.</param>
public sealed record SeriousViolationDecision(string DecisionNumber, DateOnly Date, BlacklistReason Kind);
