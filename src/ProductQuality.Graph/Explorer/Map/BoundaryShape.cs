using System.Text.Json;

namespace ProductQuality.Graph.Explorer.Map;

/// <summary>
/// What the map page needs of a boundary file's JSON, checked the way the page reads it. Every access looks at the
/// value's kind first: GetString on a number or TryGetProperty on a number, null or array throws, and an exception
/// here crashed the start and every verb with a stack trace (exit 134) instead of the settings sentence.
/// </summary>
internal static class BoundaryShape
{
    /// <summary>What is wrong with the document for the page; null when every feature can be drawn.</summary>
    public static string? Problem(JsonElement root, string codeProperty)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type)
            || type.ValueKind != JsonValueKind.String || type.GetString() != "FeatureCollection"
            || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            return "is not a GeoJSON FeatureCollection";
        }

        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            if (feature.ValueKind != JsonValueKind.Object)
            {
                return $"has a feature (#{index}) that is {Kind(feature)}, not a GeoJSON Feature object";
            }

            if (!feature.TryGetProperty("properties", out var properties)
                || properties.ValueKind != JsonValueKind.Object
                || !properties.TryGetProperty(codeProperty, out var code) || code.ValueKind != JsonValueKind.String)
            {
                return $"has a feature (#{index}) without a string property '{codeProperty}' (Map:CodeProperty)";
            }

            if (GeometryProblem(feature) is { } problem)
            {
                return $"has a feature (#{index}, {codeProperty} '{Shortened(code.GetString()!)}') whose geometry "
                    + problem;
            }

            index++;
        }

        return null;
    }

    /// <summary>
    /// The page draws a Polygon (rings of positions) or a MultiPolygon (polygons of rings); a geometry of null,
    /// another type or coordinates of another shape started cleanly and then left the whole map undrawn.
    /// </summary>
    private static string? GeometryProblem(JsonElement feature)
    {
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            return $"is {(geometry.ValueKind == JsonValueKind.Undefined ? "missing" : Kind(geometry))}: "
                + "give a Polygon or MultiPolygon";
        }

        if (!geometry.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || type.GetString() is not ("Polygon" or "MultiPolygon"))
        {
            var named = type.ValueKind == JsonValueKind.String ? $"'{type.GetString()}'" : Kind(type);
            return $"has type {named}; the map draws Polygon and MultiPolygon";
        }

        var polygon = type.GetString() == "Polygon";
        if (!geometry.TryGetProperty("coordinates", out var coordinates))
        {
            return "has no coordinates";
        }

        // Polygon: rings of positions; MultiPolygon: polygons of rings of positions.
        return Nested(coordinates, polygon ? 2 : 3) is { } problem
            ? $"coordinates are not {(polygon ? "rings" : "polygons of rings")} of positions: {problem}"
            : null;
    }

    /// <summary>Arrays <paramref name="depth"/> deep whose innermost values are positions.</summary>
    private static string? Nested(JsonElement value, int depth)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return $"found {Kind(value)} where an array belongs";
        }

        foreach (var item in value.EnumerateArray())
        {
            if ((depth == 1 ? PositionProblem(item) : Nested(item, depth - 1)) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? PositionProblem(JsonElement position)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2)
        {
            return $"found {Kind(position)} where a position [longitude, latitude] belongs";
        }

        foreach (var number in position.EnumerateArray())
        {
            // 1e400 is JSON, and the browser reads it as Infinity: no bound of the drawing survives it.
            if (number.ValueKind != JsonValueKind.Number || !number.TryGetDouble(out var value)
                || !double.IsFinite(value))
            {
                return $"found {Kind(number)} in a position, where a finite number belongs";
            }
        }

        return null;
    }

    /// <summary>A code as the sentence quotes it: a file's mistake may be a megabyte long.</summary>
    private static string Shortened(string code) => code.Length <= 40 ? code : code[..40] + "…";

    /// <summary>A value named by its kind and, when short, its text, e.g. <c>the number 5</c>.</summary>
    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Undefined => "nothing",
        JsonValueKind.Array => value.GetArrayLength() switch
        {
            0 => "an empty array",
            1 => "an array of one value",
            _ => "an array",
        },
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.True or JsonValueKind.False => $"{value.GetRawText()}",
        _ when value.GetRawText().Length <= 24 => $"the number {value.GetRawText()}",
        _ => "a number",
    };
}
