using System.Text.Json;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// Reads stored explanations (written by <see cref="Data.Seeding.ExplanationJson"/>): a column holds one
/// explanation, or several in order (e.g. class conditions, upgrade/downgrade, health code, map colour).
/// </summary>
public static class ExplanationJson
{
    public static IReadOnlyList<Explanation> ReadAll(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        var options = Data.Seeding.ExplanationJson.Options;
        return json.TrimStart().StartsWith('[')
            ? JsonSerializer.Deserialize<List<Explanation>>(json, options) ?? []
            : [JsonSerializer.Deserialize<Explanation>(json, options)!];
    }

    public static Explanation? Read(string? json) => ReadAll(json) is { Count: > 0 } all ? all[0] : null;
}
