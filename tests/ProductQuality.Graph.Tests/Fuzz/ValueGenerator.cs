using System.Text;

namespace ProductQuality.Graph.Tests.Fuzz;

/// <summary>
/// Random JSON values for variables, as raw JSON text: mostly the wrong thing (wrong types, unknown enums,
/// malformed credit codes, forged cursors, impossible dates, numbers no type holds, deep nesting, lone
/// surrogates), sometimes the right one, so validation and the resolvers both get exercised.
/// </summary>
public sealed class ValueGenerator(Random random, IReadOnlyList<string> creditCodes, IReadOnlyList<string> cursors)
{
    private static readonly string[] Numbers =
    [
        "0", "-1", "1", "2", "500", "501", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e400",
        "-1e400",
        "1.5", "1e-400", "1e-30", "123456789012345678901234567890", "0.0000000001", "-0", "1E2",
    ];

    private static readonly string[] Dates =
    [
        "2025-06-30", "2025-02-30", "9999-12-31", "0001-01-01", "2025-6-30", "20250630", "2026-11-29", "2026-11-28",
        "-2025-01-01", "2025-06-30T00:00:00Z", "2024-02-29", "2023-02-29", "  2025-01-01", "２０２５-01-01",
    ];

    private static readonly string[] Enums =
    [
        "NAME_ASC", "CLASS_BEST_FIRST", "QUALITY_INDEX_LOW_FIRST", "name_asc", "COUNTY", "TOWN", "HIGH", "GENERAL",
        "RED",
        "AA", "UNKNOWN", "", "__typename", "NameAsc",
    ];

    private static readonly string[] FilterFields =
    [
        "assured", "blacklisted", "categoryCode", "class", "countyCode", "healthCode", "mapColour", "nameContains",
        "productCode", "productTier", "noSuchField",
    ];

    public string For(ValueKind kind) => random.Next(4) == 0 ? Wrong() : kind switch
    {
        ValueKind.CreditCode => JsonText.Quote(CreditCode()),
        ValueKind.Date => JsonText.Quote(Pick(Dates)),
        ValueKind.Int => Pick(Numbers),
        ValueKind.Cursor => JsonText.Quote(Cursor()),
        ValueKind.Order or ValueKind.Enum => JsonText.Quote(Pick(Enums)),
        ValueKind.Filter => Filter(),
        _ => JsonText.Quote(random.Next(3) == 0 ? Pick(["P001", "P004", "330481", "C01"]) : Text()),
    };

    /// <summary>A value of any JSON type, often absurd.</summary>
    public string Wrong() => random.Next(10) switch
    {
        0 => Pick(["null", "true", "false"]),
        1 or 2 => Pick(Numbers),
        3 => Nested(random.Next(1, 80), "[", ']'),
        4 => Nested(random.Next(1, 80), "{\"a\":", '}'),
        5 => "[" + string.Join(',', Enumerable.Range(0, random.Next(5)).Select(_ => Wrong())) + "]",
        6 => Filter(),
        _ => JsonText.Quote(Text()),
    };

    /// <summary>Random text: letters, Chinese, emoji, control characters, quotes, lone surrogates, sometimes
    /// long.</summary>
    public string Text()
    {
        var length = random.Next(10) == 0 ? random.Next(1_000, 20_000) : random.Next(0, 24);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            // Lone surrogates are rare: one makes the whole request INVALID_JSON, and the rest should get further.
            text.Append(random.Next(60) switch
            {
                < 3 => (char)random.Next(0, 32),
                3 => (char)random.Next(0xD800, 0xE000),
                < 7 => "😀",
                < 11 => "企业",
                < 16 => Pick(["\"", "\\", "{", "}", "$", "|", "%", "\r\b"]),
                _ => (char)random.Next('0', 'z'),
            });
        }

        return text.ToString();
    }

    public string CreditCode()
    {
        var code = creditCodes.Count > 0 ? Pick(creditCodes) : "913304831LXE3BD9A5";
        return random.Next(6) switch
        {
            0 => code,
            1 => code.ToLowerInvariant(),
            2 => code[..random.Next(code.Length)],
            3 => code + Pick(["0", "A", " ", "I"]),
            4 => Replace(code, random.Next(code.Length), Pick(["I", "O", "Z", "S", "V", "0", "-", "企"])),
            _ => Text(),
        };
    }

    public string Cursor()
    {
        var cursor = cursors.Count > 0 ? Pick(cursors) : "djF8TmFtZUFzY3zkuIB8MQ";
        return random.Next(5) switch
        {
            0 => cursor,
            1 => cursor[..random.Next(cursor.Length)],
            2 => Replace(cursor, random.Next(cursor.Length), Pick(["A", "_", "-", "=", "@", "+", "/"])),
            3 => Convert.ToBase64String(Encoding.UTF8.GetBytes(
                $"v1|{Pick(["NameAsc", "ClassBestFirst", "QualityIndexHighFirst", "IssuedDesc", "X"])}|"
                + $"{Text()}|{Pick(Numbers)}")),
            _ => Text(),
        };
    }

    private string Filter()
    {
        var members = Enumerable.Range(0, random.Next(4)).Select(_ => (Pick(FilterFields), random.Next(2) == 0
            ? Wrong() : Scalar()));
        return JsonText.Object([.. members.DistinctBy(m => m.Item1)]);
    }

    private string Scalar() => random.Next(3) switch
    {
        0 => JsonText.Quote(Pick(Enums)),
        1 => Pick(["true", "false"]),
        _ => JsonText.Quote(Pick(["330481", "P004", "C01", "企业", ""])),
    };

    /// <summary>Nesting around a 1; past 64 levels the body's own JSON parser refuses it (INVALID_JSON).</summary>
    private static string Nested(int depth, string open, char close) =>
        string.Concat(Enumerable.Repeat(open, depth)) + "1" + new string(close, depth);

    private static string Replace(string text, int at, string with) =>
        text.Length == 0 ? with : string.Concat(text.AsSpan(0, at), with, text.AsSpan(Math.Min(text.Length, at + 1)));

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
