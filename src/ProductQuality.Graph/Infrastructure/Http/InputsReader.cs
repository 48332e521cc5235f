using GraphQL;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// Turns the raw JSON of <c>variables</c> or <c>extensions</c> into GraphQL inputs. Whatever the deserializer
/// throws is about the caller's JSON (a lone surrogate, a number no type can hold, nesting), so it becomes
/// INVALID_VARIABLES (INVALID_REQUEST for extensions) in our words: the library's message names .NET types.
/// </summary>
internal static class InputsReader
{
    /// <summary>
    /// Reads <paramref name="json"/> as <paramref name="name"/>. <paramref name="operation"/>: the operation the
    /// request runs: only the variables it declares of a type that may hold a decimal are checked for underflow.
    /// </summary>
    public static (Inputs? Inputs, RequestError? Error) Read(
        IGraphQLTextSerializer serializer, string? json, string name,
        GraphQLParser.AST.GraphQLOperationDefinition? operation = null)
    {
        var code = name == "variables" ? "INVALID_VARIABLES" : "INVALID_REQUEST";
        if (json is null)
        {
            return (null, null);
        }

        // Variables only: extensions are not read as numbers of the schema (a client's timing may be 1e-30).
        if (name == "variables"
            && Underflow.First(json, name, variable => MayHoldDecimal(operation, variable)) is { } tiny)
        {
            return (null, RequestError.BadRequest(code, tiny));
        }

        Inputs? inputs;
        try
        {
            inputs = serializer.Deserialize<Inputs>(json);
        }
#pragma warning disable CA1031 // Only the caller's JSON is read here: any failure is a bad request, not a fault.
        catch (Exception)
#pragma warning restore CA1031
        {
            return (null, RequestError.BadRequest(code,
                $"The '{name}' could not be read: send a JSON object whose strings are valid Unicode (no lone "
                + "surrogates) and whose numbers fit a 64-bit float."));
        }

        return FirstBadText(inputs, name) is { } problem
            ? (null, RequestError.BadRequest(code, $"{problem}: text may not contain it."))
            : (inputs, null);
    }

    // A variable the selected operation declares of a type that may hold a decimal: with no operation selected
    // validation says so (NO_OPERATION_NAME), and a String, Int, Boolean, ID or Date variable says in its own type's
    // words that a number is not one ("send 0" was wrong advice for a String).
    private static bool MayHoldDecimal(GraphQLParser.AST.GraphQLOperationDefinition? operation, string variable) =>
        operation?.Variables?.Items.FirstOrDefault(v => v.Variable.Name.StringValue == variable) is { } declared
        && NamedType(declared.Type) is not ("String" or "Int" or "Boolean" or "ID" or "Date");

    private static string NamedType(GraphQLParser.AST.GraphQLType type) => type switch
    {
        GraphQLParser.AST.GraphQLNonNullType nonNull => NamedType(nonNull.Type),
        GraphQLParser.AST.GraphQLListType list => NamedType(list.Type),
        GraphQLParser.AST.GraphQLNamedType named => named.Name.StringValue,
        _ => "",
    };

    // JSON may write NUL ("\u0000"), which no stored text may hold (see StoredText): where, and what, if anywhere.
    private static string? FirstBadText(object? value, string path) => value switch
    {
        string text => StoredText.Problem(text) is { } problem ? $"'{path}' {problem}" : null,
        IDictionary<string, object?> members => members.Select(m => FirstBadText(m.Value, $"{path}.{m.Key}"))
            .FirstOrDefault(p => p is not null),
        IEnumerable<object?> items => items.Select((item, i) => FirstBadText(item, $"{path}[{i}]"))
            .FirstOrDefault(p => p is not null),
        _ => null,
    };
}
