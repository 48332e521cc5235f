using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// SHA-256 of the input as canonical JSON (the typed input, so declaration order; enums by name; the idempotency key
/// left out): a retry of the same input hashes the same, any changed field hashes differently.
/// </summary>
public static class InputHash
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Of(WriteInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var json = JsonSerializer.SerializeToUtf8Bytes(input, input.GetType(), Options);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }
}
