using ProductQuality.Graph.Recording;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Products;

/// <summary>A manual tier override (or its withdrawal) to record.</summary>
public sealed class OverrideProductTierInput : WriteInput
{
    public string? ProductCode { get; init; }
    public ProductTier? Tier { get; init; }
    public string? Reason { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public int ExpectedRevision { get; init; }
}
