using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// How explanations are stored: System.Text.Json web defaults (camelCase), but with Chinese left
/// readable instead of \u-escaped — the columns are read by people, and escaping triples their size.
/// </summary>
public static class ExplanationJson
{
    /// <summary>The serializer options for stored explanations.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Serializes an explanation (or a list of them).</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
