using System.Text.Json;
using ProductQuality.Graph.Rules.Common;

namespace ProductQuality.Graph.Data;

/// <summary>
/// How a reason column is stored: a JSON array of parts, each with the fact groups it states, so every contract can
/// be shown only the parts it may read (<see cref="Access.ReaderText"/>). Rows written before parts were tagged hold
/// plain text, which <see cref="Read"/> tells apart by the opening bracket.
/// </summary>
public static class ReasonJson
{
    public static string Serialize(IEnumerable<SummaryClause> parts) =>
        JsonSerializer.Serialize(parts.ToArray(), ExplanationJson.Options);

    /// <summary>The parts, or null for plain (legacy) text.</summary>
    public static IReadOnlyList<SummaryClause>? Read(string? stored)
    {
        if (string.IsNullOrEmpty(stored) || !stored.StartsWith("[{", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<List<SummaryClause>>(stored, ExplanationJson.Options);
        }
        catch (JsonException)
        {
            // Plain text that happens to start like JSON is legacy text, not a server error.
            return null;
        }
    }

    /// <summary>The whole reason, every part, as a regulator reads it.</summary>
    public static string Plain(string? stored) =>
        Read(stored) is { } parts ? string.Join("; ", parts.Select(p => p.Text)) : stored ?? string.Empty;
}
