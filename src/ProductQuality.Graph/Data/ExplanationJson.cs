using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Data;

/// <summary>
/// How explanations are stored next to the values they explain: System.Text.Json web defaults (camelCase), with
/// Chinese left readable instead of \u-escaped (the columns are read by people, and escaping triples their size).
/// A column holds one explanation, or several in order (e.g. class conditions, upgrade/downgrade, health code, map
/// colour).
/// </summary>
public static class ExplanationJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),

        // Fact groups are stored by name ("classFactors"), so the stored text stays readable and reordering is safe.
        Converters = { new JsonStringEnumConverter<FactGroup>(JsonNamingPolicy.CamelCase) },

        // Absent tags (legacy rows) stay absent instead of being written as nulls.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Serializes an explanation (or a list of them).</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static IReadOnlyList<Explanation> ReadAll(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        return json.TrimStart().StartsWith('[')
            ? JsonSerializer.Deserialize<List<Explanation>>(json, Options) ?? []
            : [JsonSerializer.Deserialize<Explanation>(json, Options)!];
    }

    public static Explanation? Read(string? json) => ReadAll(json) is { Count: > 0 } all ? all[0] : null;
}
