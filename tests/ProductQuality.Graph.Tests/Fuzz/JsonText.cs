using System.Globalization;
using System.Text;

namespace ProductQuality.Graph.Tests.Fuzz;

/// <summary>
/// Writes JSON by hand, so a generator controls every character: lone surrogates become <c>\uD800</c> escapes
/// (a serializer refuses them), control characters are escaped, everything else is written as is.
/// </summary>
public static class JsonText
{
    public static string Quote(string text)
    {
        var json = new StringBuilder("\"");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                json.Append(c).Append(text[++i]);
            }
            else if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c < ' ' || char.IsSurrogate(c))
            {
                json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                json.Append(c);
            }
        }

        return json.Append('"').ToString();
    }

    public static string Object(params (string Name, string Json)[] members) =>
        "{" + string.Join(',', members.Select(m => Quote(m.Name) + ":" + m.Json)) + "}";

    /// <summary>A request body: the query as a JSON string, and other members as raw JSON.</summary>
    public static string Request(string query, string? variables = null, string? operationName = null)
    {
        var members = new List<(string, string)> { ("query", Quote(query)) };
        if (variables is not null)
        {
            members.Add(("variables", variables));
        }

        if (operationName is not null)
        {
            members.Add(("operationName", Quote(operationName)));
        }

        return Object([.. members]);
    }
}
