using System.Globalization;
using System.Text.RegularExpressions;

namespace ProductQuality.Graph.Changes;

/// <summary>
/// How values are written in events: as the schema's enum values name them (AA, RED, HIGH, GRANTED), the index as a
/// number, the blacklist as LISTED / NOT_LISTED — strings, since one field carries every kind.
/// </summary>
public static partial class ChangeValues
{
    public const string Listed = "LISTED";
    public const string NotListed = "NOT_LISTED";

    /// <summary>An enum value in the schema's spelling: ProductTier.Elevated → ELEVATED.</summary>
    public static string Of(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return WordStart().Replace(value.ToString(), "$1_$2").ToUpperInvariant();
    }

    public static string Of(double index) => index.ToString("0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex WordStart();
}
