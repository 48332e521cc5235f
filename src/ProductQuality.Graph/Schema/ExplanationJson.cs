using System.Text.Json;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Schema;

/// <summary>Explanations are stored as JSON next to the value they explain.</summary>
public static class ExplanationJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(Explanation explanation) => JsonSerializer.Serialize(explanation, Options);

    public static Explanation? Read(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<Explanation>(json, Options);
}
