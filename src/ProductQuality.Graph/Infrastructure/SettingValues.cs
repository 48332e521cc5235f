using System.ComponentModel;
using System.Globalization;

namespace ProductQuality.Graph.Infrastructure;

/// <summary>Whether a setting's text converts to its property's type, and if not what to write instead.</summary>
internal static class SettingValues
{
    public static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly)
        || type == typeof(DateTime) || type == typeof(TimeSpan) || type == typeof(TimeOnly) || type == typeof(Uri)
        || type == typeof(Guid);

    /// <summary>Null when <paramref name="text"/> is a value of <paramref name="type"/>; otherwise what is.</summary>
    public static string? Describe(string text, Type type)
    {
        if (type.IsEnum)
        {
            // Names only: the binder would also take "7" and make it an undefined member.
            var names = Enum.GetNames(type);
            return names.Any(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase))
                ? null
                : "one of " + string.Join(", ", names);
        }

        if (type == typeof(DateOnly))
        {
            return DateProblem(text);
        }

        // A time converter reads blank text as midnight (or the year 1): " " for a run time was taken as 00:00.
        var blankTime = string.IsNullOrWhiteSpace(text)
            && (type == typeof(TimeOnly) || type == typeof(DateTime) || type == typeof(TimeSpan));
        // .NET's integer converters also read hexadecimal ("0x1F", "&H1F", "#1F" as 31): a whole number is written in
        // decimal digits, as the message below says.
        var notDecimal = IsInteger(type) && !IsDecimalWhole(text);
        if (type == typeof(string) || (!blankTime && !notDecimal && Converts(text, type)))
        {
            return null;
        }

        return type switch
        {
            _ when type == typeof(bool) => "true or false",
            // A whole number too large for its type was told it should be "a whole number" (the ops probe).
            _ when type == typeof(int) => "a whole number up to 2147483647 (and within the setting's own range)",
            _ when type == typeof(short) => "a whole number up to 32767 (and within the setting's own range)",
            _ when type == typeof(long) => "a whole number up to 9223372036854775807",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number such as 0.5",
            _ when type == typeof(DateOnly) => "a date such as 2026-11-28",
            _ when type == typeof(DateTime) => "a date and time such as 2026-11-28T08:00:00Z",
            _ when type == typeof(TimeSpan) => "a duration such as 00:00:30",
            _ when type == typeof(TimeOnly) => "a time of day from 00:00:00 to 23:59:59 such as 03:00:00",
            _ when type == typeof(Uri) => "an absolute address with its scheme and host, such as https://host.example/",
            _ => "a value of the documented form (see appsettings.example.json)",
        };
    }

    /// <summary>
    /// Dates in the documented form only: the invariant culture also read 05/12/2026 as 12 May, not 5 December. And
    /// within the years the rules can work with: 9999-12-31 as today overflowed the replay's look-ahead (a
    /// re-evaluation failing every 15 minutes) and the seed's history.
    /// </summary>
    private static string? DateProblem(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 10 && DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var date)
            ? date >= EarliestDate && date <= LatestDate ? null : "a date from 2000-01-01 to 2099-12-31"
            : "a date such as 2026-11-28 (written yyyy-MM-dd)";
    }

    private static readonly DateOnly EarliestDate = new(2000, 1, 1);

    private static readonly DateOnly LatestDate = new(2099, 12, 31);

    private static bool Converts(string text, Type type)
    {
        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
            return true;
        }
        catch (Exception e)
            when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return false;
        }
    }

    private static bool IsInteger(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
        || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte);

    private static bool IsDecimalWhole(string text)
    {
        var digits = text.AsSpan().Trim();
        digits = digits.Length > 0 && digits[0] is '+' or '-' ? digits[1..] : digits;
        return digits.Length > 0 && digits.IndexOfAnyExceptInRange('0', '9') < 0;
    }
}
