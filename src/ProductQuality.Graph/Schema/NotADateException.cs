using System.Globalization;
using System.Text.RegularExpressions;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Schema;

/// <summary>
/// A <c>Date</c> input that is no day written yyyy-MM-dd ("2025-02-30", "2025/01/01"), with a message that says the
/// form and that the day must exist, and shows a day near the one meant: "'2025-02-30' is not a date: write
/// yyyy-MM-dd, a day that exists (e.g. 2025-02-28)".
/// </summary>
public sealed partial class NotADateException(string input) : InputValueException(Explain(input))
{
    /// <summary>The sentence for <paramref name="input"/>, the text the caller sent.</summary>
    public static string Explain(string input) =>
        $"'{Quoted.Start(input)}' is not a date: write yyyy-MM-dd, a day that exists (e.g. {Example(input)})";

    // Year, month and day in that order, however separated: the nearest real day to them; else any day.
    private static string Example(string input)
    {
        var parts = YearMonthDay().Match(input);
        if (!parts.Success)
        {
            return "2025-06-30";
        }

        var year = Math.Clamp(int.Parse(parts.Groups[1].Value, CultureInfo.InvariantCulture), 1, 9999);
        var month = Math.Clamp(int.Parse(parts.Groups[2].Value, CultureInfo.InvariantCulture), 1, 12);
        var day = Math.Clamp(int.Parse(parts.Groups[3].Value, CultureInfo.InvariantCulture), 1,
            DateTime.DaysInMonth(year, month));
        return new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    // [0-9], not \d: \d takes any script's digits ("٢٠٢٥"), which int.Parse does not read.
    [GeneratedRegex(@"^\s*([0-9]{4})[^0-9]?([0-9]{1,2})[^0-9]?([0-9]{1,2})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex YearMonthDay();
}
