using GraphQL.Types;

namespace ProductQuality.Graph.Schema.Enums;

/// <summary>
/// Reads an enum variable as the library does, but a value that is none of the type's names is refused naming them
/// (<see cref="InputValueException.NotAValueOf"/>) instead of "Unable to convert 'penalty' to 'EnforcementKind'".
/// </summary>
internal static class EnumInput
{
    public static object? Parse(EnumerationGraphType type, object? value, Func<object?, object?> parse)
    {
        try
        {
            return parse(value);
        }
        catch (InvalidOperationException)
        {
            // The library's conversion error (its only failure here): said again with the names to send.
            throw InputValueException.NotAValueOf(type, value);
        }
    }
}
