using System.ComponentModel;
using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Products;

/// <summary>A manual tier override (or its withdrawal) to record.</summary>
[Description("A manual risk tier decision (人工调整分级) for a product, or the withdrawal of one; "
    + "the city regulator's only.")]
public sealed class OverrideProductTierInput : WriteInput
{
    [Description("Catalogue product code (P001–P273).")]
    public string ProductCode { get; init; } = "";

    [Description("The tier to apply; null withdraws the override in force.")]
    public ProductTier? Tier { get; init; }

    [Description("Why (调整理由), at most 1000 characters; required, also for a withdrawal.")]
    public string Reason { get; init; } = "";

    [Description("Last day the override applies; after today. Required unless withdrawing.")]
    public DateOnly? ExpiresOn { get; init; }

    [Description("The product's overrideRevision as you read it; a stale one is refused with CONFLICT.")]
    public int ExpectedRevision { get; init; }
}
