using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Blacklist;

namespace ProductQuality.Graph.Blacklist;

/// <summary>One event of the blacklist (黑名单) history of an enterprise: a listing or a removal.</summary>
public sealed class BlacklistEvent : ISupersedable
{
    public long Id { get; set; }
    public int EnterpriseId { get; set; }
    public BlacklistEventKind Kind { get; set; }

    /// <summary>
    /// Whether the rules derived the event or the regulator decided it; decided events are facts and are never
    /// superseded.
    /// </summary>
    public BlacklistEventSource Source { get; set; }
    public DateOnly OccurredOn { get; set; }
    public BlacklistReason ReasonCategory { get; set; }
    public required string Reason { get; set; }

    /// <summary>
    /// The rule's explanation (JSON) of a rule-derived listing or removal: the trigger or the removal conditions, with
    /// thresholds. Null for the regulator's own decisions, whose decision number and reason are their explanation.
    /// </summary>
    public string? Explanation { get; set; }

    /// <summary>Decision number (决定书文号) of the listing or removal decision.</summary>
    public required string DecisionNumber { get; set; }

    /// <summary>
    /// The bureau that issued the number (<see cref="Data.IssuingAuthority"/>); the number is unique within it.
    /// Rule-derived events are the city bureau's (its register 嘉市监列黑/嘉市监移黑).
    /// </summary>
    public string Authority { get; set; } = Data.IssuingAuthority.City;
    public DateTime RecordedAtUtc { get; set; }

    /// <inheritdoc />
    public DateTime? SupersededAtUtc { get; set; }

    /// <summary>Who recorded it: "department/subject" of the writer's token; null for the generated data set.</summary>
    public string? RecordedBy { get; set; }
}
