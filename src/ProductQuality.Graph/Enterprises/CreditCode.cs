using System.Globalization;

namespace ProductQuality.Graph.Enterprises;

/// <summary>
/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
/// alphabet, characters 3–8 the registering authority's division code, the 18th a check character
/// (see docs/sources/uscc.md). A code that fails here is bad input and must never be stored.
/// </summary>
public static class CreditCode
{
    /// <summary>Length of a credit code.</summary>
    public const int Length = 18;

    /// <summary>Digits and capitals without I, O, S, V, Z; a character's value is its index.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // 3^(i-1) mod 31 for positions 1..17, as the standard tabulates them.
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Checks length, alphabet, division code and check character, and says exactly what is wrong.</summary>
    public static CreditCodeValidation Validate(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return CreditCodeValidation.Invalid("the credit code is empty; a credit code has 18 characters");
        }

        // Codes pasted from spreadsheets and licences carry padding, line breaks and invisible marks (a BOM, a
        // zero-width space), and Chinese input methods type full-width characters: say so, before counting characters
        // the person cannot see.
        if (code.All(IsBlank))
        {
            return CreditCodeValidation.Invalid(
                "the credit code is blank (only spaces, line breaks or invisible characters); it has 18 characters");
        }

        if (IsBlank(code[0]) || IsBlank(code[^1]))
        {
            var (where, c) = IsBlank(code[0]) ? ("starts", code[0]) : ("ends", code[^1]);
            return CreditCodeValidation.Invalid(
                $"{where} with {Described(c)}: send the 18 characters without {Blanks}");
        }

        for (var i = 1; i < code.Length - 1; i++)
        {
            if (IsBlank(code[i]))
            {
                return CreditCodeValidation.Invalid(
                    Inv($"character {i + 1} is {Described(code[i])}: a credit code has no {Blanks}"));
            }
        }

        // Counted as characters, not UTF-16 units: one emoji was "2 characters" (the wire probe). Eighteen characters
        // of which some take two units are named below, by position, as characters not allowed.
        var count = Recording.WriteScope.Characters(code);
        if (count != Length)
        {
            return CreditCodeValidation.Invalid(
                Inv($"has {count} character{(count == 1 ? "" : "s")}; a credit code has {Length}"));
        }

        // Report the first bad character by position, so the person can find it on the licence.
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (Alphabet.Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            if (char.IsSurrogatePair(code, i))
            {
                return CreditCodeValidation.Invalid(Inv($"character {i + 1} '{code.Substring(i, 2)}' is not allowed: ")
                    + "credit codes use digits and capital letters except I, O, S, V, Z");
            }

            // Full-width forms (U+FF01–U+FF5E) are the ASCII characters shifted by 0xFEE0.
            if (c is >= '\uFF10' and <= '\uFF5A' && (char)(c - 0xFEE0) is var narrow
                && Alphabet.Contains(char.ToUpperInvariant(narrow), StringComparison.Ordinal))
            {
                return CreditCodeValidation.Invalid(Inv($"character {i + 1} '{c}' is a full-width character: write ")
                    + Inv($"'{char.ToUpperInvariant(narrow)}'"));
            }

            if (char.IsAsciiLetterLower(c) && Alphabet.Contains(char.ToUpperInvariant(c), StringComparison.Ordinal))
            {
                return CreditCodeValidation.Invalid(
                    Inv($"character {i + 1} '{c}' is lower case: write credit codes in capital letters ")
                    + Inv($"('{char.ToUpperInvariant(c)}')"));
            }

            return CreditCodeValidation.Invalid(
                Inv($"character {i + 1} '{c}' is not allowed: credit codes use digits and capital letters except ")
                + "I, O, S, V, Z");
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(code[i]))
            {
                return CreditCodeValidation.Invalid(Inv($"character {i + 1} '{code[i]}' must be a digit: ")
                    + "characters 3–8 are the administrative division code (行政区划码)");
            }
        }

        var expected = CheckCharacter(code.AsSpan(0, Length - 1));
        return code[^1] == expected
            ? CreditCodeValidation.Valid
            : CreditCodeValidation.Invalid(Inv($"check character is '{code[^1]}' but should be '{expected}'"));
    }

    /// <summary>
    /// The message refusing a code that failed <see cref="Validate"/>. It quotes the code, cut to its first 40
    /// characters: an error repeating a megabyte sent as a "code" would multiply an attacker's bandwidth.
    /// </summary>
    public static string Refusal(string? code, CreditCodeValidation check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return $"'{Infrastructure.Quoted.Start(code)}' is not a valid unified social credit code: {check.Problem}";
    }

    /// <summary>Completes the first 17 characters with their check character.</summary>
    /// <exception cref="ArgumentException">Not 17 characters of the alphabet.</exception>
    public static string WithCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException(
                Inv($"Expected the first {Length - 1} characters of a credit code, got {first17.Length}."),
                nameof(first17));
        }

        return string.Concat(first17, CheckCharacter(first17).ToString());
    }

    private static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException(
                    Inv($"Character {i + 1} '{first17[i]}' is not in the credit code alphabet."), nameof(first17));
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    private const string Blanks = "spaces, line breaks or invisible characters";

    /// <summary>White space, and the invisible format characters (zero-width space, byte order mark, direction marks).
    /// </summary>
    private static bool IsBlank(char c) =>
        char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static string Described(char c) => c switch
    {
        ' ' => "a space",
        '\u00A0' => "a no-break space",
        '\u3000' => "a full-width space",
        '\n' or '\r' or '\u0085' or '\u2028' or '\u2029' => "a line break",
        '\t' => "a tab",
        '\u200B' => "a zero-width space",
        '\uFEFF' => "a byte order mark (U+FEFF)",
        _ when char.GetUnicodeCategory(c) == UnicodeCategory.Format => Inv($"an invisible character (U+{(int)c:X4})"),
        _ => Inv($"a blank character (U+{(int)c:X4})"),
    };

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
