using ProductQuality.Graph.Blacklist;
using ProductQuality.Graph.Rules.Blacklist;

namespace ProductQuality.Graph.Assessment;

/// <summary>A listing or removal decided by the regulator (not derived by the rule), with its decision number.</summary>
public sealed record BlacklistDecisionFact(DateOnly Date, BlacklistEventKind Kind, BlacklistReason ReasonCategory, string Number);
