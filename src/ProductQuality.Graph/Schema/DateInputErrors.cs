using System.Text.Json;
using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Validation;
using GraphQL.Validation.Errors;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// GraphQL.NET's messages for a <c>Date</c> input that is no date name neither the form nor that the day must
/// exist: "Variable '$d' is invalid. Unable to convert '2025-02-30' to 'Date'" for a variable, "Argument 'asOf' has
/// invalid value. Expected type 'Date', found "2025/01/01"." for a literal in the document (also in an input field
/// or a variable's default). The library writes both sentences itself, so their Date part is replaced here, where
/// every error is written: what the message says of its place (which variable, argument or input field) stays, and
/// so do the code and the status.
/// </summary>
internal static partial class DateInputErrors
{
    public static string Explain(ExecutionError error, string message) => error switch
    {
        InvalidVariableError { InnerException: NotADateException notADate } =>
            message.IndexOf(VariableSaid, StringComparison.Ordinal) is var at and >= 0
                ? message[..(at + VariableSaid.Length)] + notADate.Message + "."
                : message,
        ArgumentsOfCorrectTypeError or DefaultValuesOfCorrectTypeError =>
            StringLiteral().Replace(message, m => NotADateException.Explain(Text(m.Groups[1].Value)) + "."),
        _ => message,
    };

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
