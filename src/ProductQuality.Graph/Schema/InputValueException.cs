using System.Globalization;
using GraphQL.Types;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// A variable's value that its type cannot take, said in words that tell the caller what to send instead. The library
/// said "Unable to convert '50000' to 'Decimal'" for an amount sent as text and "Unable to convert 'penalty' to
/// 'EnforcementKind'" for a value in lower case; its message replaces the library's (<see cref="InputValueErrors"/>).
/// </summary>
public class InputValueException(string message) : FormatException(message)
{
    /// <summary>Names at most this many of an enum's values; a longer list is pointed to, not printed.</summary>
    private const int ValuesListed = 12;

    /// <summary>A value that is none of <paramref name="type"/>'s names (in the caller's contract).</summary>
    public static InputValueException NotAValueOf(EnumerationGraphType type, object? value)
    {
        var names = type.Values.Select(v => v.Name).ToList();
        var listed = names.Count <= ValuesListed
            ? string.Join(", ", names)
            : string.Join(", ", names.Take(ValuesListed)) + $" … ({names.Count} in all: see the type in the schema)";
        return new InputValueException($"{Shown(value)} is not a value of {type.Name}: send one of {listed}, as a JSON "
            + "string spelt exactly so");
    }

    /// <summary>An amount sent as text, a boolean, an object or a list.</summary>
    public static InputValueException NotANumber(object value, string typeName) => new(
        $"{Shown(value)} is not a number: send the {typeName} as a JSON number without quotes, e.g. 50000 or 1234.56");

    /// <summary>An amount beyond what a decimal holds (1e29, or 1e400, which JSON readers take as infinity).</summary>
    public static InputValueException OutOfRange(object value, string typeName) => new(
        $"{Shown(value)} is beyond what a decimal holds (at most 28 digits, about ±7.9e28): send the {typeName} "
        + "as a JSON number such as 50000 or 1234.56");

    /// <summary>How a message shows what the caller sent: text quoted (its start), anything else as JSON writes it.
    /// </summary>
    public static string Shown(object? value) => value switch
    {
        null => "null",
        string text => $"the text \"{Quoted.Start(text)}\"",
        bool flag => flag ? "true" : "false",
        double d when !double.IsFinite(d) => "a number too large for any type",
        IFormattable number => $"the number {number.ToString(null, CultureInfo.InvariantCulture)}",
        System.Collections.IDictionary or IDictionary<string, object?> => "an object",
        System.Collections.IEnumerable => "a list",
        _ => "the value",
    };
}
