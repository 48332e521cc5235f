using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>Traceability and quality system in force from a date.</summary>
internal sealed record ManagementDraft(
    DateOnly Date, Traceability Traceability, QualitySystem QualitySystem, string Note);
