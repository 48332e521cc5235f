using System.ComponentModel;
using ProductQuality.Graph.Recording;

namespace ProductQuality.Graph.Enforcement;

/// <summary>A complaint found valid (有效投诉) to record.</summary>
[Description("A consumer complaint found valid (有效投诉).")]
public sealed class RecordValidComplaintInput : WriteInput
{
    [Description("The enterprise's unified social credit code (统一社会信用代码).")]
    public string CreditCode { get; init; } = "";

    [Description("Catalogue product code (P001–P273) of the product complained about.")]
    public string ProductCode { get; init; } = "";

    [Description("Date the complaint was found valid; not in the future, nor more than 20 years ago.")]
    public DateOnly FoundValidOn { get; init; }

    [Description("What the complaint was about (at most 2000 characters).")]
    public string Summary { get; init; } = "";
}
