using ProductQuality.Graph.Data;

namespace ProductQuality.Graph.Inspections;

/// <summary>A supervision sampling result (监督抽查结果) for one batch of one product of one enterprise.</summary>
public sealed class Inspection : IRecorded
{
    public long Id { get; set; }
    public int EnterpriseId { get; set; }
    public required string ProductCode { get; set; }
    public DateOnly SampledOn { get; set; }
    public required string Batch { get; set; }
    public required string SpecModel { get; set; }
    public SamplingLevel Level { get; set; }
    public required string Lab { get; set; }
    public required string ReportNumber { get; set; }

    /// <summary>
    /// The bureau that issued the number (<see cref="Data.IssuingAuthority"/>); the number is unique within it.
    /// </summary>
    public string Authority { get; set; } = Data.IssuingAuthority.City;
    public bool Passed { get; set; }

    /// <summary>Date a rectification order (责令整改) was issued after a failure; feeds the blacklist rule.</summary>
    public DateOnly? RectificationOrderedOn { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>Who recorded it: "department/subject" of the writer's token; null for the generated data set.</summary>
    public string? RecordedBy { get; set; }
    public List<InspectionFailedItem> FailedItems { get; set; } = [];
}
