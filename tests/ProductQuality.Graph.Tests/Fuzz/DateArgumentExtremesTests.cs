using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProductQuality.Graph.Tests.Infrastructure;

namespace ProductQuality.Graph.Tests.Fuzz;

/// <summary>
/// Every Date argument of every root field the regulator can ask — directly or as a field of an input object — at
/// the ends of the calendar (0001-01-01, 9999-12-31) and in between, in every combination: the rules count months and
/// years from these days, and a day at the end of the calendar must be refused with a code, never overflow into an
/// internal error. The fields are read from the served schema, so a new field with a Date is covered when it comes.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DateArgumentExtremesTests(GraphServerFactory factory)
{
    private static readonly string[] Days = ["0001-01-01", "9999-12-31", "2025-06-30"];

    [Fact]
    public async Task Every_date_argument_at_the_ends_of_the_calendar_is_answered_cleanly()
    {
        var client = factory.ClientFor("samr-jiaxing");
        var code = await factory.DbAsync(db =>
            db.Enterprises.OrderBy(e => e.Id).Select(e => e.CreditCode).FirstAsync());
        var schema = (await client.PostAsync(Introspection)).EnsureData().Data.GetProperty("__schema");
        var inputs = schema.GetProperty("types").EnumerateArray()
            .Where(t => t.GetProperty("kind").GetString() == "INPUT_OBJECT")
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("inputFields"));
        var failures = new List<string>();
        var covered = new List<string>();
        foreach (var field in schema.GetProperty("queryType").GetProperty("fields").EnumerateArray())
        {
            var name = field.GetProperty("name").GetString()!;
            var slots = DateSlots(field.GetProperty("args"), inputs);
            if (slots.Count == 0)
            {
                continue;
            }

            covered.Add(name);
            foreach (var days in Combinations(slots.Count))
            {
                var query = Query(field, slots, days, inputs, code, failures);
                if (query is null)
                {
                    break;
                }

                var reply = await client.PostAsync(query);
                if (CleanAnswer.Violation(reply) is { } why)
                {
                    failures.Add($"{query}\n  {why}: {reply.Body[..Math.Min(400, reply.Body.Length)]}");
                }
            }
        }

        Assert.Contains("inspectionPlan", covered);
        Assert.Contains("enterprise", covered);
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(10)));
    }

    /// <summary>The Date slots of a field: "arg" for an argument, "arg.field" for a field of an input object.</summary>
    private static List<string> DateSlots(JsonElement args, Dictionary<string, JsonElement> inputs)
    {
        var slots = new List<string>();
        foreach (var arg in args.EnumerateArray())
        {
            var (kind, type) = Named(arg.GetProperty("type"));
            if (type == "Date")
            {
                slots.Add(arg.GetProperty("name").GetString()!);
            }
            else if (kind == "INPUT_OBJECT")
            {
                slots.AddRange(inputs[type].EnumerateArray().Where(f => Named(f.GetProperty("type")).Name == "Date")
                    .Select(f => arg.GetProperty("name").GetString() + "." + f.GetProperty("name").GetString()));
            }
        }

        return slots;
    }

    private static string? Query(JsonElement field, List<string> slots, string[] days,
        Dictionary<string, JsonElement> inputs, string code, List<string> failures)
    {
        var name = field.GetProperty("name").GetString()!;
        var arguments = new List<string>();
        foreach (var arg in field.GetProperty("args").EnumerateArray())
        {
            var argName = arg.GetProperty("name").GetString()!;
            var (kind, type) = Named(arg.GetProperty("type"));
            var at = slots.IndexOf(argName);
            if (at >= 0)
            {
                arguments.Add($"{argName}: \"{days[at]}\"");
            }
            else if (kind == "INPUT_OBJECT" && slots.Any(s => s.StartsWith(argName + ".", StringComparison.Ordinal)))
            {
                var members = slots.Select((s, i) => (Slot: s, Day: days[i]))
                    .Where(x => x.Slot.StartsWith(argName + ".", StringComparison.Ordinal))
                    .Select(x => $"{x.Slot[(argName.Length + 1)..]}: \"{x.Day}\"");
                arguments.Add($"{argName}: {{ {string.Join(", ", members)} }}");
            }
            else if (arg.GetProperty("type").GetProperty("kind").GetString() == "NON_NULL")
            {
                if (Required(argName, code) is not { } value)
                {
                    failures.Add($"{name}({argName}:) is required and this test has no value for it: "
                        + "add one to Required.");
                    return null;
                }

                arguments.Add($"{argName}: {value}");
            }
        }

        var (returnKind, _) = Named(field.GetProperty("type"));
        var selection = returnKind is "OBJECT" or "INTERFACE" or "UNION" ? " { __typename }" : "";
        return $"{{ {name}({string.Join(", ", arguments)}){selection} }}";
    }

    /// <summary>A valid value for each required argument that is not a Date, by its name.</summary>
    private static string? Required(string argument, string code) => argument switch
    {
        "creditCode" => $"\"{code}\"",
        "creditCodes" => $"[\"{code}\"]",
        "code" => "\"P001\"",
        "level" => "COUNTY",
        _ => null,
    };

    private static IEnumerable<string[]> Combinations(int slots)
    {
        var count = (int)Math.Pow(Days.Length, slots);
        for (var n = 0; n < count; n++)
        {
            var days = new string[slots];
            for (int i = 0, rest = n; i < slots; i++, rest /= Days.Length)
            {
                days[i] = Days[rest % Days.Length];
            }

            yield return days;
        }
    }

    private static (string Kind, string Name) Named(JsonElement type)
    {
        while (type.GetProperty("kind").GetString() is "NON_NULL" or "LIST")
        {
            type = type.GetProperty("ofType");
        }

        return (type.GetProperty("kind").GetString()!, type.GetProperty("name").GetString()!);
    }

    private const string TypeRef = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";

    private static readonly string Introspection = new StringBuilder()
        .Append("{ __schema { queryType { fields { name type { ").Append(TypeRef).Append(" } args { name type { ")
        .Append(TypeRef).Append(" } } } } types { name kind inputFields { name type { ").Append(TypeRef)
        .Append(" } } } } }").ToString();
}
