using ProductQuality.Graph.Enforcement;
using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>A generated enforcement decision before it gets its number.</summary>
internal sealed record DecisionDraft(DateOnly Date, EnforcementKind Kind, string ProductCode, decimal FineYuan);
