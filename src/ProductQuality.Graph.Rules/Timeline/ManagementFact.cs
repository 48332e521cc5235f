using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Timeline;

/// <summary>Traceability (追溯能力) and quality management system (质量管理体系) in force from a date.</summary>
public sealed record ManagementFact(DateOnly Date, Traceability Traceability, QualitySystem QualitySystem, string Note);
