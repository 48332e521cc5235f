namespace ProductQuality.Graph.Recording;

/// <summary>
/// Remembers a mutation by the idempotency key its caller sent, written in the same transaction as the
/// fact: a retried request with the same key finds this row and answers from it instead of recording twice.
/// Keys are per department, so two departments cannot collide or probe each other's keys.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }
    public required string Department { get; set; }
    public required string Key { get; set; }

    /// <summary>The mutation's field name, e.g. "recordSampling".</summary>
    public required string Operation { get; set; }

    /// <summary>SHA-256 of the canonical input: the same key with different input is refused, not replayed.</summary>
    public required string InputHash { get; set; }

    /// <summary>What the mutation produced (e.g. the enterprise's credit code), enough to answer a replay.</summary>
    public required string ResultKey { get; set; }

    /// <summary>The id of the recorded fact row.</summary>
    public long FactId { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}
