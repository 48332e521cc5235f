using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Enterprises;

/// <summary>
/// One effective-dated evaluation of an enterprise: class (企业分类), health code (健康码), map colour and
/// quality index (产品质量安全指数). Append-only; the class history is this table.
/// </summary>
public sealed class EnterpriseAssessmentRecord : ISupersedable
{
    public long Id { get; set; }
    public int EnterpriseId { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public EnterpriseClass Class { get; set; }
    public FourColor HealthCode { get; set; }
    public FourColor MapColour { get; set; }
    public double QualityIndex { get; set; }

    /// <summary>What caused the evaluation, e.g. "sampling 2024-03-02 failed" or "manual override".</summary>
    public required string Reason { get; set; }
    public bool IsOverride { get; set; }
    public DateOnly? OverrideExpiresOn { get; set; }
    public required string ClassExplanation { get; set; }
    public required string IndexExplanation { get; set; }
    public required string RulesVersion { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    /// <inheritdoc />
    public DateTime? SupersededAtUtc { get; set; }
}
