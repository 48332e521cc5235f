using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Enterprises;

/// <summary>
/// An effective-dated record of an enterprise's traceability (追溯能力) and quality management system
/// (质量管理体系). Append-only; the enterprise row caches the newest.
/// </summary>
public sealed class ManagementRecord : IRecorded
{
    public long Id { get; set; }
    public int EnterpriseId { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public Traceability Traceability { get; set; }
    public QualitySystem QualitySystem { get; set; }
    public required string Note { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>Who recorded it: "department/subject" of the writer's token; null for the generated data set.</summary>
    public string? RecordedBy { get; set; }
}
