using System.Text.Json.Serialization;

namespace ProductQuality.Graph.Recording;

/// <summary>Base of every mutation input: the caller's idempotency key, left out of the input's hash.</summary>
public abstract class WriteInput
{
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }
}
