using System.Globalization;
using GraphQL.Types;

namespace ProductQuality.Graph.Schema;

/// <summary>A calendar date, ISO 8601 <c>YYYY-MM-DD</c> (dates of decisions, samplings, validity).</summary>
public sealed class DateScalar : DateOnlyGraphType
{
    public DateScalar()
    {
        Name = "Date";
        Description = "A calendar date in ISO 8601 form, YYYY-MM-DD (China Standard Time calendar day).";
    }

    /// <summary>
    /// As the library parses a variable's text, but a wrong one throws <see cref="NotADateException"/>, and a value
    /// that is no text an <see cref="InputValueException"/>, whose words replace the library's "Unable to convert
    /// '…' to 'Date'" (<see cref="InputValueErrors"/>).
    /// </summary>
    public override object? ParseValue(object? value) => value switch
    {
        string text => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var date) ? date : throw new NotADateException(text),
        null or DateOnly => base.ParseValue(value),
        // 20261125 or true: a date is text.
        _ => throw new InputValueException($"{InputValueException.Shown(value)} is not a date: send it as a JSON "
            + "string yyyy-MM-dd, e.g. \"2026-11-25\""),
    };
}
