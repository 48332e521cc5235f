using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Regions;

/// <summary>
/// One effective-dated evaluation of a region's colour (区域分色) and quality index. Append-only: a new
/// evaluation is a new row; the latest row with <see cref="EffectiveFrom"/> on or before a date is the state on
/// that date.
/// </summary>
public sealed class RegionAssessment : ISupersedable
{
    public long Id { get; set; }
    public required string RegionCode { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>The colour; null when the region is not assessed (未评定): fewer enterprises than the minimum.</summary>
    public FourColor? Colour { get; set; }
    public double QualityIndex { get; set; }
    public int EnterpriseCount { get; set; }
    public int RedCount { get; set; }
    public int YellowCount { get; set; }
    public int BlueCount { get; set; }
    public int GreenCount { get; set; }
    public int ClassCCount { get; set; }

    /// <summary>Plain-words explanation (JSON of the rules' explanation record).</summary>
    public required string Explanation { get; set; }
    public required string RulesVersion { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    /// <inheritdoc />
    public DateTime? SupersededAtUtc { get; set; }
}
