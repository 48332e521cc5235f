using System.Text;
using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Text;

/// <summary>
/// Builds, from a contract's own introspection, a selection of every text field it can reach below a type: every
/// String field, and the objects that carry reasons and explanations. A text field added later is selected without
/// touching the test; a field the contract does not have is never selected.
/// </summary>
public sealed class TextSelection
{
    // Objects followed: those that carry reasons and explanations. Enterprises and regions are the rows the test
    // pages through at the root, so they are not followed again from below.
    private static readonly HashSet<string> Followed =
    [
        "ClassHistoryEntry", "Explanation", "ExplanationFactor", "AssuredEvent", "BlacklistEvent", "ClassOverride",
        "Product", "ProductTierAssessment", "ProductTierOverride", "RegionAssessment",
    ];

    private const string Query = """
        { __schema { types { name fields { name args { type { kind } }
          type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
        """;

    private readonly Dictionary<string, List<(string Name, string Type, bool Scalar, bool NeedsArgs)>> _types = [];

    public static async Task<TextSelection> ForAsync(HttpClient client)
    {
        var selection = new TextSelection();
        var types = (await client.PostAsync(Query)).EnsureData().Data.GetProperty("__schema").GetProperty("types");
        foreach (var type in types.EnumerateArray()
            .Where(t => t.GetProperty("fields").ValueKind == JsonValueKind.Array))
        {
            var fields = type.GetProperty("fields").EnumerateArray();
            selection._types[type.GetProperty("name").GetString()!] = fields.Select(f =>
            {
                var t = f.GetProperty("type");
                while (t.TryGetProperty("ofType", out var inner) && inner.ValueKind == JsonValueKind.Object)
                {
                    t = inner;
                }

                var needsArgs = f.GetProperty("args").EnumerateArray()
                    .Any(a => a.GetProperty("type").GetProperty("kind").GetString() == "NON_NULL");
                var scalar = t.GetProperty("kind").GetString() != "OBJECT";
                return (f.GetProperty("name").GetString()!, t.GetProperty("name").GetString()!, scalar, needsArgs);
            }).ToList();
        }

        return selection;
    }

    public bool Has(string type, string field) =>
        _types.TryGetValue(type, out var fields) && fields.Any(f => f.Name == field);

    /// <summary>The selection set below <paramref name="type"/>, or empty when nothing textual is reachable.</summary>
    public string Below(string type, int depth)
    {
        var text = new StringBuilder();
        foreach (var (name, fieldType, scalar, needsArgs) in _types.GetValueOrDefault(type) ?? [])
        {
            if (needsArgs)
            {
                continue;
            }

            if (scalar)
            {
                text.Append(fieldType == "String" ? name + " " : string.Empty);
            }
            else if (depth > 0 && Followed.Contains(fieldType))
            {
                var inner = Below(fieldType, depth - 1);
                text.Append(inner.Length == 0 ? string.Empty : $"{name} {{ {inner}}} ");
            }
        }

        return text.ToString();
    }
}
