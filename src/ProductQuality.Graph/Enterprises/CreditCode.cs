namespace ProductQuality.Graph.Enterprises;

/// <summary>
/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character alphabet
/// (no I, O, S, V, Z), positions 3–8 the registering authority's division code, position 18 a check character.
/// </summary>
public static class CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static CreditCodeValidation Validate(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return Invalid("it is empty; a credit code has 18 characters");
        }

        if (code.Length != 18)
        {
            return Invalid($"it has {code.Length} characters; a credit code has 18");
        }

        for (var i = 0; i < code.Length; i++)
        {
            var ch = code[i];
            if (char.IsAsciiLetterLower(ch))
            {
                return Invalid($"character {i + 1} '{ch}' is lower case; write credit codes in capitals");
            }

            if (!Alphabet.Contains(ch, StringComparison.Ordinal))
            {
                return Invalid($"character {i + 1} '{ch}' is not allowed: credit codes use digits and capital letters except I, O, S, V, Z");
            }

            if (i is >= 2 and <= 7 && !char.IsAsciiDigit(ch))
            {
                return Invalid($"character {i + 1} '{ch}' must be a digit: characters 3–8 are the administrative division code");
            }
        }

        var expected = CheckCharacter(code.AsSpan(0, 17));
        return code[17] == expected
            ? new CreditCodeValidation(true, null)
            : Invalid($"the check character (18th) is '{code[17]}' but should be '{expected}'");
    }

    /// <summary>Appends the GB 32100 check character to the first 17 characters.</summary>
    public static string WithCheckCharacter(string first17)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(first17.Length, 17);
        return first17 + CheckCharacter(first17);
    }

    private static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not in the credit-code alphabet.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    private static CreditCodeValidation Invalid(string problem) => new(false, problem);
}
