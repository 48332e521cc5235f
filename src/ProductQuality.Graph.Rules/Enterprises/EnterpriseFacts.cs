using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>
/// What the regulator knows about an enterprise on <see cref="AsOf"/>; the input of the
/// class and index rules. Samplings may span any period: the rules pick their window.
/// </summary>
public sealed record EnterpriseFacts
{
    /// <summary>The date of the evaluation; nothing after it is counted.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Supervision samplings (监督抽查) of the enterprise's products.</summary>
    public IReadOnlyList<SamplingRecord> Samplings { get; init; } = [];

    /// <summary>Traceability capability (追溯能力).</summary>
    public Traceability Traceability { get; init; }

    /// <summary>Quality management system (质量管理体系).</summary>
    public QualitySystem QualitySystem { get; init; }

    /// <summary>Currently on the blacklist (黑名单).</summary>
    public bool Blacklisted { get; init; }

    /// <summary>A finding of unlicensed production (无证生产) stands against the enterprise.</summary>
    public bool UnlicensedProductionFinding { get; init; }

    /// <summary>Administrative penalties (行政处罚) within the sampling window.</summary>
    public int PenaltiesInWindow { get; init; }

    /// <summary>Valid complaints (有效投诉) in the last year.</summary>
    public int ValidComplaintsLastYear { get; init; }
}
