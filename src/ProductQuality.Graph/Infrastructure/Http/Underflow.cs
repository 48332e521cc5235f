using System.Text;
using System.Text.Json;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// A JSON number too small for any number the server holds (1e-30: a decimal has 28 places) was read as 0, and a
/// fine of 1e-30 yuan was stored as no fine at all: the number the caller sent silently became another. Found before
/// the inputs are read, with its place: <c>'variables.input.fineYuan' is 1e-30, …</c>.
/// </summary>
internal static class Underflow
{
    /// <summary>
    /// The first such number's place and what to send instead, or null. Only the variables <paramref name="checks"/>
    /// names are looked at (those the operation declares of a type that may hold a decimal): the others are never
    /// read, or their own type says a number is not one.
    /// </summary>
    public static string? First(string json, string name, Func<string, bool> checks)
    {
        // Only a negative exponent or 28 zeros after a point can make one: most requests skip the walk.
        if (!json.Contains("e-", StringComparison.OrdinalIgnoreCase)
            && !json.Contains(new string('0', 28), StringComparison.Ordinal))
        {
            return null;
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions
        {
            AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256,
        });
        var path = new List<object>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        path[^1] = reader.GetString()!;
                        if (path.Count == 1 && !checks((string)path[0]))
                        {
                            reader.Skip();
                        }

                        continue;
                    case JsonTokenType.StartObject:
                        Step(path);
                        path.Add("");
                        continue;
                    case JsonTokenType.StartArray:
                        Step(path);
                        path.Add(-1);
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        continue;
                    case JsonTokenType.Number:
                        Step(path);
                        if (IsTooSmall(ref reader))
                        {
                            return $"'{Place(name, path)}' is {Encoding.UTF8.GetString(reader.ValueSpan)}, smaller "
                                + "than a decimal can hold (at most 28 decimal places), and would read as 0: send 0, "
                                + "or the number with fewer decimal places.";
                        }

                        continue;
                    default:
                        Step(path);
                        continue;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON: the reader that follows says so in its words.
        }

        return null;
    }

    // A value inside an array moves its index on.
    private static void Step(List<object> path)
    {
        if (path.Count > 0 && path[^1] is int index)
        {
            path[^1] = index + 1;
        }
    }

    private static bool IsTooSmall(ref Utf8JsonReader reader)
    {
        var text = reader.ValueSpan;
        var mantissa = text.IndexOfAny((byte)'e', (byte)'E') is var e and >= 0 ? text[..e] : text;
        // Too large is another refusal (the inputs reader's: no 64-bit float holds it), not this one.
        return mantissa.IndexOfAnyInRange((byte)'1', (byte)'9') >= 0
            && (!reader.TryGetDecimal(out var value) || value == 0m)
            && reader.TryGetDouble(out var binary) && Math.Abs(binary) < 1e-28;
    }

    private static string Place(string name, List<object> path)
    {
        var place = new StringBuilder(name);
        foreach (var step in path)
        {
            _ = step is int index
                ? place.Append('[').Append(index).Append(']')
                : place.Append('.').Append(step);
        }

        return place.ToString();
    }
}
