using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Products;

/// <summary>
/// One effective-dated product grading (产品分级). Append-only history; overrides carry a reason and expiry.
/// </summary>
public sealed class ProductTierAssessment : ISupersedable
{
    public long Id { get; set; }
    public required string ProductCode { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public ProductTier Tier { get; set; }
    public double RiskScore { get; set; }
    public bool IsOverride { get; set; }
    public DateOnly? OverrideExpiresOn { get; set; }
    public required string Reason { get; set; }
    public required string Explanation { get; set; }
    public required string RulesVersion { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    /// <inheritdoc />
    public DateTime? SupersededAtUtc { get; set; }
}
