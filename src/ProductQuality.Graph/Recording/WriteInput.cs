using System.ComponentModel;
using System.Text.Json.Serialization;

namespace ProductQuality.Graph.Recording;

/// <summary>Base of every mutation input: the caller's idempotency key, left out of the input's hash.</summary>
public abstract class WriteInput
{
    [JsonIgnore]
    [Description("Your unique key for this request (e.g. a UUID, at most 128 characters). Retrying with the same key "
        + "and input records once and answers replayed=true; the same key with other input is refused "
        + "(IDEMPOTENCY_KEY_REUSED). Keys are per department.")]
    public string IdempotencyKey { get; init; } = "";
}
