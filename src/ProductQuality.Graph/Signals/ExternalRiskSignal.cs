using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Products;

namespace ProductQuality.Graph.Signals;

/// <summary>
/// A domestic or foreign risk warning or recall (国内外质量安全风险预警/召回) about a catalogue product, recorded by the
/// city regulator from its source. A fact: never updated or deleted; a withdrawn recall is a matter for its source.
/// </summary>
public sealed class ExternalRiskSignal : IRecorded
{
    /// <summary>Longest reference (EU Safety Gate "SR/01234/25", CPSC "25-123"), with room to spare.</summary>
    public const int ReferenceMaxLength = 64;

    /// <summary>Longest hazard text.</summary>
    public const int HazardMaxLength = 256;

    /// <summary>Longest description of what was recalled or warned about.</summary>
    public const int DescriptionMaxLength = 1000;

    public int Id { get; set; }
    public RiskSignalSource Source { get; set; }

    /// <summary>The source's own reference; unique per source.</summary>
    public required string Reference { get; set; }

    public required string ProductCode { get; set; }
    public DateOnly PublishedOn { get; set; }

    /// <summary>The hazard the source names (电击, 火灾, 窒息, burns, choking …).</summary>
    public required string Hazard { get; set; }

    public SignalSeverity Severity { get; set; }

    /// <summary>What the source recalled or warned about (brand, model, batch), in its words; may be empty.</summary>
    public string Description { get; set; } = "";

    public DateTime RecordedAtUtc { get; set; }

    /// <summary>Who recorded it: "department/subject" of the writer's token; null for the generated data set.</summary>
    public string? RecordedBy { get; set; }
}
