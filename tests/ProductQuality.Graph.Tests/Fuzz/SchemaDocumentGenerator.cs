using System.Globalization;
using GraphQL;
using GraphQL.Types;

namespace ProductQuality.Graph.Tests.Fuzz;

/// <summary>
/// Random operations built from a schema, most of them valid: fields of every kind under aliases, arguments written
/// as literals or as variables, inline and named fragments, <c>@include</c>/<c>@skip</c> with literals and variables,
/// nested a few levels; and, for the variables an operation declares, random values of the right type and of the
/// wrong one (missing, null, a string for a number, an unknown enum value).
/// </summary>
public sealed class SchemaDocumentGenerator(ISchema schema, Random random)
{
    private const int MaxDepth = 3;

    private static readonly string[] Texts =
        ["330402", "330481", "91330402MA2B8T6P0F", "2025-06-30", "", "x", "企业", "AA", "HIGH", "eyJrIjoxfQ"];

    private readonly List<(string Name, IGraphType Type)> _variables = [];
    private readonly List<string> _fragments = [];
    private int _aliases;

    /// <summary>An operation, with the variables it declares (names without <c>$</c>, with their types).</summary>
    public (string Document, IReadOnlyList<(string Name, IGraphType Type)> Variables) Next()
    {
        _variables.Clear();
        _fragments.Clear();
        var roots = new List<(string Keyword, IObjectGraphType Type)> { ("query", schema.Query) };
        if (schema.Mutation is { } mutation)
        {
            roots.Add(("mutation", mutation));
        }

        if (schema.Subscription is { } subscription)
        {
            roots.Add(("subscription", subscription));
        }

        var (keyword, root) = roots[random.Next(roots.Count)];
        var body = SelectionSet(root, 0, oneField: keyword == "subscription");
        var header = _variables.Count == 0 ? ""
            : "(" + string.Join(", ", _variables.Select(v => $"${v.Name}: {v.Type}")) + ")";
        return ($"{keyword} Generated{header} {body}\n{string.Join("\n", _fragments)}", [.. _variables]);
    }

    /// <summary>A JSON object of values for these variables, right or wrong; some left out.</summary>
    public string VariablesJson(IReadOnlyList<(string Name, IGraphType Type)> variables)
    {
        return JsonText.Object([.. variables.Where(_ => random.Next(8) != 0).Select(v => (v.Name, Json(v.Type)))]);
    }

    private string SelectionSet(IComplexGraphType type, int depth, bool oneField = false)
    {
        var fields = type.Fields.Where(f => !f.Name.StartsWith("__", StringComparison.Ordinal)).ToList();
        var parts = new List<string>();
        for (var i = oneField ? 1 : 1 + random.Next(3); i > 0; i--)
        {
            parts.Add(Field(fields[random.Next(fields.Count)], depth));
        }

        if (!oneField && random.Next(4) == 0)
        {
            parts.Add("__typename");
        }

        if (!oneField && random.Next(5) == 0)
        {
            var condition = random.Next(2) == 0 ? $"on {type.Name} " : "";
            parts.Add($"... {condition}{Directive()}{{ {Field(fields[random.Next(fields.Count)], depth)} }}");
        }

        if (!oneField && random.Next(5) == 0)
        {
            var index = _fragments.Count;
            var name = $"F{index}";
            _fragments.Add(""); // its place, so fragments inside it take the next names
            var body = Field(fields[random.Next(fields.Count)], depth);
            _fragments[index] = $"fragment {name} on {type.Name} {{ {body} }}";
            parts.Add($"...{name} {Directive()}");
        }

        return "{ " + string.Join(" ", parts) + " }";
    }

    private string Field(FieldType field, int depth)
    {
        var alias = random.Next(2) == 0 ? $"a{_aliases++}: " : "";
        var arguments = Arguments(field.Arguments);
        var directive = random.Next(6) == 0 ? Directive() : "";
        var selection = field.ResolvedType!.GetNamedType() switch
        {
            IComplexGraphType complex when depth < MaxDepth => SelectionSet(complex, depth + 1),
            IComplexGraphType => "{ __typename }",
            UnionGraphType union => "{ __typename "
                + string.Concat(union.PossibleTypes.Take(1).Select(t => $"... on {t.Name} {{ __typename }}")) + " }",
            _ => "",
        };
        return $"{alias}{field.Name}{arguments} {directive}{selection}";
    }

    private string Arguments(QueryArguments? arguments)
    {
        var parts = new List<string>();
        foreach (var argument in arguments ?? [])
        {
            var required = argument.ResolvedType is NonNullGraphType && argument.DefaultValue is null;
            if (required || random.Next(2) == 0)
            {
                parts.Add($"{argument.Name}: {Value(argument.ResolvedType!)}");
            }
        }

        return parts.Count == 0 ? "" : "(" + string.Join(", ", parts) + ")";
    }

    private string Directive()
    {
        var name = random.Next(2) == 0 ? "include" : "skip";
        return $"@{name}(if: {Value(new NonNullGraphType(new BooleanGraphType()))}) ";
    }

    // A variable of the argument's type (or its non-null form), or a literal.
    private string Value(IGraphType type)
    {
        if (random.Next(2) == 0)
        {
            var name = $"v{_variables.Count}";
            var declared = type is not NonNullGraphType && random.Next(3) == 0 ? new NonNullGraphType(type) : type;
            _variables.Add((name, declared));
            return "$" + name;
        }

        return Literal(type);
    }

    private string Literal(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Literal(nonNull.ResolvedType!),
        _ when random.Next(12) == 0 => "null",
        ListGraphType list => "[" + Literal(list.ResolvedType!) + "]",
        EnumerationGraphType enumeration => enumeration.Values.ElementAt(random.Next(enumeration.Values.Count)).Name,
        IntGraphType => random.Next(-5, 600).ToString(CultureInfo.InvariantCulture),
        FloatGraphType => "1.5",
        BooleanGraphType => random.Next(2) == 0 ? "true" : "false",
        IInputObjectGraphType input => "{ " + string.Join(", ", input.Fields
            .Where(f => f.ResolvedType is NonNullGraphType || random.Next(3) == 0)
            .Select(f => $"{f.Name}: {Literal(f.ResolvedType!)}")) + " }",
        _ => "\"" + Texts[random.Next(Texts.Length)] + "\"",
    };

    private string Json(IGraphType type) => random.Next(10) switch
    {
        0 => "null",
        1 => random.Next(2) == 0 ? "\"x\"" : "12",
        _ => type switch
        {
            NonNullGraphType nonNull => Json(nonNull.ResolvedType!),
            ListGraphType list => random.Next(3) == 0 ? Json(list.ResolvedType!)
                : "[" + Json(list.ResolvedType!) + ", " + Json(list.ResolvedType!) + "]",
            EnumerationGraphType enumeration => random.Next(6) == 0 ? "\"NOT_A_VALUE\""
                : "\"" + enumeration.Values.ElementAt(random.Next(enumeration.Values.Count)).Name + "\"",
            IntGraphType => random.Next(-5, 600).ToString(CultureInfo.InvariantCulture),
            FloatGraphType => "2.25",
            BooleanGraphType => "true",
            IInputObjectGraphType input => JsonText.Object(
                [.. input.Fields.Where(_ => random.Next(2) == 0).Select(f => (f.Name, Json(f.ResolvedType!)))]),
            _ => JsonText.Quote(Texts[random.Next(Texts.Length)]),
        },
    };
}
