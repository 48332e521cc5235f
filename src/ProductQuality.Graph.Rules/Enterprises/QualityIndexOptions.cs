using System.ComponentModel.DataAnnotations;

namespace ProductQuality.Graph.Rules.Enterprises;

/// <summary>Deductions of the enterprise quality safety index (产品质量安全指数), which starts at 100.</summary>
public sealed class QualityIndexOptions
{
    /// <summary>Points per failed sampling in the sampling window.</summary>
    [Range(0, 100)]
    public int FailedSampling { get; set; } = 10;

    /// <summary>Extra points when the failure was on a safety item (安全项目不合格).</summary>
    [Range(0, 100)]
    public int SafetyItemExtra { get; set; } = 10;

    /// <summary>Extra points when the same product had already failed in the window (屡查屡犯).</summary>
    [Range(0, 100)]
    public int RepeatExtra { get; set; } = 10;

    /// <summary>Points for no traceability (无追溯能力).</summary>
    [Range(0, 100)]
    public int NoTraceability { get; set; } = 10;

    /// <summary>Points for partial traceability only.</summary>
    [Range(0, 100)]
    public int PartialTraceability { get; set; } = 5;

    /// <summary>Points for no quality management system.</summary>
    [Range(0, 100)]
    public int NoQualitySystem { get; set; } = 15;

    /// <summary>Points for a quality management system that is not certified.</summary>
    [Range(0, 100)]
    public int UncertifiedQualitySystem { get; set; } = 5;

    /// <summary>Points per administrative penalty (行政处罚) in the window.</summary>
    [Range(0, 100)]
    public int Penalty { get; set; } = 10;

    /// <summary>Points per valid complaint (有效投诉) in the last year.</summary>
    [Range(0, 100)]
    public int ValidComplaint { get; set; } = 2;

    /// <summary>Cap of the complaint deduction.</summary>
    [Range(0, 100)]
    public int ValidComplaintCap { get; set; } = 10;
}
