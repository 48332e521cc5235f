using ProductQuality.Graph.Rules.Timeline;

namespace ProductQuality.Graph.Enforcement;

/// <summary>An enforcement decision against an enterprise, identified by its decision number (决定书文号).</summary>
public sealed class EnforcementDecision
{
    public long Id { get; set; }
    public int EnterpriseId { get; set; }
    public EnforcementKind Kind { get; set; }
    public required string DecisionNumber { get; set; }

    /// <summary>
    /// The bureau that issued the number (<see cref="Data.IssuingAuthority"/>); the number is unique within it.
    /// </summary>
    public string Authority { get; set; } = Data.IssuingAuthority.City;
    public DateOnly DecidedOn { get; set; }
    public required string Summary { get; set; }
    public decimal FineYuan { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>Who recorded it: "department/subject" of the writer's token; null for the generated data set.</summary>
    public string? RecordedBy { get; set; }
}
