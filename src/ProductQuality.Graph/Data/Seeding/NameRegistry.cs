namespace ProductQuality.Graph.Data.Seeding;

/// <summary>
/// Keeps enterprise names unique: the second enterprise with a name gets its town in brackets
/// (恒达电器(许村)有限公司), later ones an ordinal (恒达电器第三有限公司). Only a 64-bit hash of each
/// base name is kept, so a million names cost a few tens of megabytes; a hash collision merely adds
/// a needless marker, never a duplicate, because a marker always includes the base name's own count.
/// </summary>
internal sealed class NameRegistry
{
    private static readonly string[] Numerals = ["", "", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    private readonly Dictionary<ulong, int> seen = [];

    public string Register(string head, string suffix, string townWord)
    {
        var key = Fnv1a(head + suffix);
        var n = seen.GetValueOrDefault(key);
        seen[key] = n + 1;
        return n switch
        {
            0 => head + suffix,
            1 => $"{head}({townWord}){suffix}",
            _ => $"{head}第{(n < Numerals.Length
                ? Numerals[n]
                : n.ToString(System.Globalization.CultureInfo.InvariantCulture))}{suffix}",
        };
    }

    // string.GetHashCode is randomised per process; a fixed hash keeps runs repeatable.
    private static ulong Fnv1a(string s)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in s)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }
}
