using ProductQuality.Graph.Data;
using ProductQuality.Graph.Rules.Assured;
namespace ProductQuality.Graph.Assured;

/// <summary>One event in the "assured consumption unit" (放心消费单位) history of an enterprise.</summary>
public sealed class AssuredEvent : ISupersedable
{
    public long Id { get; set; }
    public int EnterpriseId { get; set; }
    public AssuredEventKind Kind { get; set; }
    public DateOnly OccurredOn { get; set; }

    /// <summary>End of validity of a grant; null for revocations and expiries.</summary>
    public DateOnly? ValidUntil { get; set; }
    public required string Reason { get; set; }

    /// <summary>
    /// The assured-consumption rule's explanation (JSON): the conditions checked on that day and the outcome.
    /// </summary>
    public string? Explanation { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    /// <inheritdoc />
    public DateTime? SupersededAtUtc { get; set; }
}
