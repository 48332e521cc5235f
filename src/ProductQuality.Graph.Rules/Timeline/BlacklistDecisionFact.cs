using ProductQuality.Graph.Rules.Blacklist;

namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>A listing or removal the regulator decided (not derived by the rule), with its number.</summary>
public sealed record BlacklistDecisionFact(
    DateOnly Date, BlacklistEventKind Kind, BlacklistReason ReasonCategory, string Number);
