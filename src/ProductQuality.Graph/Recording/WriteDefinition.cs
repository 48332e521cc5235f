namespace ProductQuality.Graph.Recording;

/// <summary>
/// What the schema shows of one write: its mutation field and its payload. Declared next to the write's logic
/// (<see cref="WriteOperation{TInput}"/>), so a write is its operation and its input record, nothing more.
/// </summary>
public abstract class WriteDefinition
{
    /// <summary>The mutation field's name, stored with the idempotency record.</summary>
    public abstract string Name { get; }

    /// <summary>The mutation field's description, before the error codes every write shares.</summary>
    public abstract string Description { get; }

    public abstract string PayloadDescription { get; }

    /// <summary>The payload type's name: the field's, capitalised, + "Payload" (recordSampling →
    /// RecordSamplingPayload).</summary>
    public string PayloadName => string.Concat(Name[..1].ToUpperInvariant(), Name.AsSpan(1), "Payload");

    /// <summary>Adds the payload's fields besides <c>replayed</c>: the fact, the enterprise and/or product.</summary>
    public abstract void DescribePayload(PayloadType payload);
}
