using System.Text.Json;
using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Validation;
using GraphQL.Validation.Errors;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// GraphQL.NET's messages for an input value its type cannot take say what failed, not what to send: "Variable '$d'
/// is invalid. Unable to convert '2025-02-30' to 'Date'", "… Unable to convert '50000' to 'Decimal'" (an amount sent
/// as text), "… Unable to convert 'penalty' to 'EnforcementKind'"; and for a literal in the document (also in an
/// input field or a variable's default) "Expected type 'Date', found "2025/01/01"." The library writes these
/// sentences itself, so the part after the place is replaced here, where every error is written: by the words of the
/// <see cref="InputValueException"/> our scalars and enums throw, or for the built-in scalars by what to send. What
/// the message says of its place (which variable, argument or input field) stays, and so do the code and the status.
/// </summary>
internal static partial class InputValueErrors
{
    public static string Explain(ExecutionError error, string message) => error switch
    {
        InvalidVariableError { InnerException: InputValueException refused } =>
            message.IndexOf(VariableSaid, StringComparison.Ordinal) is var at and >= 0
                ? message[..(at + VariableSaid.Length)] + Sentence(refused.Message) + "."
                : message,
        InvalidVariableError => Shapes(BuiltIn(message)),
        ArgumentsOfCorrectTypeError or DefaultValuesOfCorrectTypeError => Literal(
            StringLiteral().Replace(message, m => NotADateException.Explain(Text(m.Groups[1].Value)) + ".")),
        _ => message,
    };

    // A sentence begins with a capital ("The text …"), except JSON's own words: "true is not a number".
    private static string Sentence(string said) =>
        said.Split(' ')[0] is "true" or "false" or "null" || said.Length == 0
            ? said
            : char.ToUpperInvariant(said[0]) + said[1..];

    // The library's sentences for a null, a missing value and a value where an object belongs, said as what to send.
    private static string Shapes(string message) => InputObjectShape().Replace(message
            .Replace("Received a null input for a non-null variable.", "It is null, and a value is required: send one.",
                StringComparison.Ordinal)
            .Replace("No value provided for a non-null variable.", "It is missing, and a value is required: send it.",
                StringComparison.Ordinal),
        m => $"{m.Groups[1].Value} takes a JSON object of its fields, such as {{\"name\": value}}: send one, not a "
            + "list or a single value.");

    [GeneratedRegex(
        """Unable to parse input as a '(\w+)' type\. Did you provide a List or Scalar value accidentally\?""",
        RegexOptions.CultureInvariant)]
    private static partial Regex InputObjectShape();

    // A literal in the document of the wrong kind: an amount in quotes, a date without them (the re-probe: the same
    // values in variables said what to send, written into the document they did not).
    private static string Literal(string message) => WrongKindLiteral().Replace(message, m => m.Groups[1].Value switch
    {
        "Decimal" when m.Groups[2].Value.StartsWith('"') =>
            $"{m.Groups[2].Value} is text, not a number: write the amount without quotes, e.g. 50000 or 1234.56.",
        "Date" when !m.Groups[2].Value.StartsWith('"') =>
            $"{m.Groups[2].Value} is not a date: write it in quotes as yyyy-MM-dd, e.g. \"2026-11-25\".",
        _ => m.Value,
    });

    // The found value runs to the full stop that ends the message or the input field's bracket ("….]").
    [GeneratedRegex("""Expected type '(Decimal|Date)', found (.*?)\.(?=\]|$)""",
        RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex WrongKindLiteral();

    // The built-in scalars' "Unable to convert '5' to 'String'": what each takes, in JSON's words.
    private static string BuiltIn(string message) => UnableToConvert().Replace(message, m =>
        $"'{m.Groups[1].Value}' is not {m.Groups[2].Value switch
        {
            "Int" => "an Int: send a whole JSON number without quotes, fraction or exponent, from -2147483648 to "
                + "2147483647",
            "Long" => "a Long: send a whole JSON number without quotes, fraction or exponent",
            "Float" => "a Float: send a JSON number without quotes",
            "Boolean" => "a Boolean: send true or false, without quotes",
            "ID" => "an ID: send it as a JSON string",
            _ => "a String: send it as a JSON string, in quotes",
        }}.");

    [GeneratedRegex("""Unable to convert '(.*)' to '(Int|Long|Float|Boolean|String|ID)'$""",
        RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex UnableToConvert();

    // The end of the library's "Variable '$name' is invalid. " (a name cannot hold a quote).
    private const string VariableSaid = "' is invalid. ";

    // The text of a string literal as the library printed it, with JSON's escapes; as printed (within its quotes)
    // when it does not read back as text. A lone surrogate is printed as itself, and reading it threw: an error
    // while writing the errors was a 500.
    private static string Text(string literal)
    {
        var printed = literal[1..^1];
        if (StoredText.FirstLoneSurrogate(literal) >= 0)
        {
            return printed;
        }

        try
        {
            return JsonSerializer.Deserialize<string>(literal) is { } text && StoredText.FirstLoneSurrogate(text) < 0
                ? text
                : printed;
        }
        catch (JsonException)
        {
            return printed;
        }
    }

    [GeneratedRegex("""Expected type 'Date', found ("(?:[^"\\]|\\.)*")\.""", RegexOptions.CultureInvariant)]
    private static partial Regex StringLiteral();
}
