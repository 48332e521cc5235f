namespace ProductQuality.Graph.Warnings;

/// <summary>A risk warning bulletin (警情通报/质量预警) for a regional or sector-wide problem.</summary>
public sealed class RiskWarning
{
    public int Id { get; set; }
    public required string Number { get; set; }

    /// <summary>
    /// The bureau that issued the number (<see cref="Data.IssuingAuthority"/>); the number is unique within it.
    /// </summary>
    public string Authority { get; set; } = Data.IssuingAuthority.City;
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public DateOnly IssuedOn { get; set; }
    public WarningScope Scope { get; set; }
    public WarningSeverity Severity { get; set; }
    public string? ProductCode { get; set; }
    public string? RegionCode { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>Who recorded it: "department/subject" of the writer's token; null for the generated data set.</summary>
    public string? RecordedBy { get; set; }
}
