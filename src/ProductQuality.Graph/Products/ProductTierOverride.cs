using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Products;

/// <summary>
/// A manual tier decision for a product by the city regulator, with its reason, in force from
/// <see cref="EffectiveFrom"/> through <see cref="ExpiresOn"/>; a null <see cref="Tier"/> withdraws an earlier
/// override. A fact: never updated or deleted.
/// </summary>
public sealed class ProductTierOverride : IRecorded
{
    public long Id { get; set; }
    public required string ProductCode { get; set; }

    /// <summary>The tier that replaces the computed one; null withdraws an earlier override.</summary>
    public ProductTier? Tier { get; set; }
    public required string Reason { get; set; }
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Last day the override applies (inclusive).</summary>
    public DateOnly ExpiresOn { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string? RecordedBy { get; set; }
}
