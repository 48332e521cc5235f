using System.ComponentModel;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Rules.Products;

namespace ProductQuality.Graph.Signals;

/// <summary>An external risk signal to record.</summary>
[Description("A domestic or foreign risk warning or recall (国内外质量安全风险预警/召回) about a catalogue product.")]
public sealed class RecordExternalRiskSignalInput : WriteInput
{
    [Description("Its source.")]
    public RiskSignalSource Source { get; init; }

    [Description("The source's own reference (at most 64 characters), e.g. SR/01234/25; unique per source.")]
    public string Reference { get; init; } = "";

    [Description("The catalogue product concerned (P001–P273); its tier is re-evaluated.")]
    public string ProductCode { get; init; } = "";

    [Description("The day the source published it; not in the future, nor more than 20 years ago.")]
    public DateOnly PublishedOn { get; init; }

    [Description("The hazard the source names (at most 256 characters), e.g. 触电 electric shock.")]
    public string Hazard { get; init; } = "";

    [Description("Its risk level, as the source grades it (mapped onto the four levels).")]
    public SignalSeverity Severity { get; init; }

    [Description("What was recalled or warned about: brand, model, batch (optional, at most 1000 characters).")]
    public string? Description { get; init; }
}
