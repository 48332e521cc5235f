using System.ComponentModel;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Warnings;

/// <summary>A risk warning bulletin (警情通报/质量预警) to issue.</summary>
[Description("A risk warning bulletin (警情通报/质量预警) about a regional or sector-wide problem.")]
public sealed class IssueRiskWarningInput : WriteInput
{
    [Description("Bulletin number (文号), at most 256 characters; unique.")]
    public string Number { get; init; } = "";

    [Description("Title (at most 256 characters).")]
    public string Title { get; init; } = "";

    [Description("Summary (at most 4000 characters): the bulletin's text as issued, read whole by every department "
        + "whose contract reads warnings, whatever else it may read. Write what the bulletin publishes.")]
    public string Summary { get; init; } = "";

    [Description("Issue date; not in the future, nor more than 20 years ago.")]
    public DateOnly IssuedOn { get; init; }

    [Description("Regional or sector-wide; a REGIONAL warning needs regionCode.")]
    public WarningScope Scope { get; init; }

    [Description("Severity.")]
    public WarningSeverity Severity { get; init; }

    [Description("Catalogue product code concerned, if any; the product's tier is re-evaluated.")]
    public string? ProductCode { get; init; }

    [Description("Region concerned (county 3304xx or 9-digit town); a county bureau must give one within its county.")]
    public string? RegionCode { get; init; }
}
