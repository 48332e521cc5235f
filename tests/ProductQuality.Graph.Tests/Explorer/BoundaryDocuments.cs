using System.Globalization;
using System.Text.Json.Nodes;

namespace ProductQuality.Graph.Tests.Explorer;

/// <summary>
/// Seeded GeoJSON-like documents for the boundary check: a valid FeatureCollection of Polygons and MultiPolygons,
/// then a few mutations, each replacing a value anywhere in the tree by a value of another kind, removing a member,
/// or wrapping a value in an array.
/// </summary>
internal static class BoundaryDocuments
{
    public static string Next(Random random)
    {
        if (random.Next(40) == 0)
        {
            return AnyValue(random)?.ToJsonString() ?? "null";   // not an object at all
        }

        var root = Valid(random);
        var mutations = random.Next(4);   // a quarter stay valid
        for (var m = 0; m < mutations; m++)
        {
            Mutate(random, root);
        }

        return root.ToJsonString();
    }

    private static JsonObject Valid(Random random)
    {
        var features = new JsonArray();
        for (var f = random.Next(4); f > 0; f--)
        {
            var multi = random.Next(2) == 0;
            var polygon = Polygon(random);
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = new JsonObject { ["code"] = "3304" + random.Next(10, 99).ToString("D2",
                    CultureInfo.InvariantCulture) },
                ["geometry"] = new JsonObject
                {
                    ["type"] = multi ? "MultiPolygon" : "Polygon",
                    ["coordinates"] = multi ? new JsonArray(polygon, Polygon(random)) : polygon,
                },
            });
        }

        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
    }

    private static JsonArray Polygon(Random random)
    {
        var ring = new JsonArray();
        for (var p = random.Next(1, 6); p > 0; p--)
        {
            ring.Add(new JsonArray(120 + random.NextDouble(), 30 + random.NextDouble()));
        }

        return new JsonArray(ring);
    }

    /// <summary>A value of some kind: every JSON kind, and the shapes a boundary file holds.</summary>
    private static JsonNode? AnyValue(Random random) => random.Next(14) switch
    {
        0 => null,
        1 => 5,
        2 => JsonValue.Create(-0.5),
        3 => "x",
        4 => "FeatureCollection",
        5 => "Polygon",
        6 => true,
        7 => new JsonArray(),
        8 => new JsonObject(),
        9 => new JsonArray(JsonValue.Create(120.5), null),
        10 => new JsonArray(new JsonArray(5)),
        11 => new JsonObject { ["type"] = "MultiPolygon", ["coordinates"] = "x" },
        12 => JsonNode.Parse("1e400"),
        _ => new JsonObject { ["code"] = 330402 },
    };

    private static void Mutate(Random random, JsonNode root)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        switch (target)
        {
            case JsonObject o when o.Count > 0 && random.Next(3) == 0:
                o.Remove(o.ElementAt(random.Next(o.Count)).Key);
                break;
            case JsonObject o when o.Count > 0:
                var key = o.ElementAt(random.Next(o.Count)).Key;
                o[key] = random.Next(4) == 0 ? new JsonArray(o[key]?.DeepClone()) : AnyValue(random);
                break;
            case JsonArray a when a.Count > 0 && random.Next(4) == 0:
                a.RemoveAt(random.Next(a.Count));
                break;
            case JsonArray a when a.Count > 0:
                a[random.Next(a.Count)] = AnyValue(random);
                break;
            case JsonArray a:
                a.Add(AnyValue(random));
                break;
            default:
                break;   // a leaf: another draw mutates its parent
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null)
        {
            return;
        }

        nodes.Add(node);
        foreach (var child in node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        })
        {
            Collect(child, nodes);
        }
    }
}
