using System.Text.Json;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Operations;

/// <summary>
/// A server over a database that holds no data set (migrated, never seeded: Database:SeedWhenEmpty=false) answers
/// every root field without a server fault: `city` answered INTERNAL_ERROR (the newcomer probe). Checked over every
/// root field of the regulator's contract, each with its scalars and those of the objects under it, so a field added
/// later is covered too.
/// </summary>
public sealed class EmptyDatabaseAnswerTests(EmptySqliteServer server) : IClassFixture<EmptySqliteServer>
{
    // Values for required arguments, by name: a well-formed credit code, a county, a day.
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["creditCode"] = "\"913304831LXE3BD9A5\"", ["creditCodes"] = "[\"913304831LXE3BD9A5\"]",
        ["code"] = "\"330481\"", ["level"] = "COUNTY", ["receipt"] = "\"e30.e30.e30\"",
        ["from"] = "\"2026-01-01\"", ["to"] = "\"2026-12-01\"",
    };

    [Fact]
    public async Task Every_root_field_answers_without_a_server_fault_and_city_says_there_is_no_data_set()
    {
        var client = server.ClientFor("samr-jiaxing");
        var schema = (await client.PostAsync(Introspection)).EnsureData().Data.GetProperty("__schema");
        var types = schema.GetProperty("types").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t);
        var skipped = new List<string>();
        foreach (var field in schema.GetProperty("queryType").GetProperty("fields").EnumerateArray())
        {
            var name = field.GetProperty("name").GetString()!;
            if (Arguments(field) is not { } arguments)
            {
                skipped.Add(name);   // a required argument without a sample value: add one to Samples
                continue;
            }

            var reply = await client.PostAsync($"{{ {name}{arguments} {Selection(types, Named(field), 2)} }}");
            var codes = reply.HasErrors
                ? reply.Json.GetProperty("errors").EnumerateArray()
                    .Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c)
                        ? c.GetString() : $"no code: {e}").ToList()
                : [];
            Assert.True((int)reply.Status < 500 && codes.All(c => c is not null && c != "INTERNAL_ERROR"
                && !c.StartsWith("no code", StringComparison.Ordinal)), $"{name}: {reply.Body}");
            if (name == "city")
            {
                Assert.Equal(["NO_DATA_SET"], codes);
                Assert.Contains("seed", reply.FirstErrorMessage, StringComparison.Ordinal);
            }
        }

        Assert.Empty(skipped);
    }

    private static string? Arguments(JsonElement field)
    {
        var given = new List<string>();
        foreach (var argument in field.GetProperty("args").EnumerateArray())
        {
            if (argument.GetProperty("type").GetProperty("kind").GetString() != "NON_NULL")
            {
                continue;
            }

            var name = argument.GetProperty("name").GetString()!;
            if (!Samples.TryGetValue(name, out var value))
            {
                return null;
            }

            given.Add($"{name}: {value}");
        }

        return given.Count == 0 ? "" : $"({string.Join(", ", given)})";
    }

    // Scalars and enums of the type, and of the objects under it to the depth; a union or interface by its name.
    private static string Selection(Dictionary<string, JsonElement> types, string typeName, int depth)
    {
        var type = types[typeName];
        var kind = type.GetProperty("kind").GetString();
        if (kind is "SCALAR" or "ENUM")
        {
            return "";
        }

        if (kind is not "OBJECT")
        {
            return "{ __typename }";
        }

        var parts = new List<string>();
        foreach (var field in type.GetProperty("fields").EnumerateArray())
        {
            if (field.GetProperty("args").EnumerateArray()
                .Any(a => a.GetProperty("type").GetProperty("kind").GetString() == "NON_NULL"))
            {
                continue;
            }

            var under = types[Named(field)];
            var underKind = under.GetProperty("kind").GetString();
            if (underKind is "SCALAR" or "ENUM")
            {
                parts.Add(field.GetProperty("name").GetString()!);
            }
            else if (depth > 0)
            {
                parts.Add(field.GetProperty("name").GetString() + " " + Selection(types, Named(field), depth - 1));
            }
        }

        return parts.Count == 0 ? "{ __typename }" : $"{{ {string.Join(' ', parts)} }}";
    }

    private static string Named(JsonElement field)
    {
        var type = field.GetProperty("type");
        while (type.TryGetProperty("ofType", out var of) && of.ValueKind == JsonValueKind.Object)
        {
            type = of;
        }

        return type.GetProperty("name").GetString()!;
    }

    private const string TypeRef = "type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";

    private const string Introspection = "{ __schema { queryType { fields { name args { name " + TypeRef + " } "
        + TypeRef + " } } types { name kind fields { name args { name " + TypeRef + " } " + TypeRef + " } } } }";
}
