using ProductQuality.Graph.Enterprises;

namespace ProductQuality.Graph.Tests.Enterprises;

public sealed class CreditCodeTests
{
    // The valid examples of docs/sources/uscc.md: real codes from public tests, then synthetic Jiaxing ones.
    [Theory]
    [InlineData("91310110666007217T")]
    [InlineData("91110000600037341L")]
    [InlineData("91350200776049653A")]
    [InlineData("913502000728319549")]
    [InlineData("91350213678251743X")]
    [InlineData("91330402MA2B3C4D1N")]
    [InlineData("9133041114672831XN")]
    [InlineData("91330481704213653E")]
    [InlineData("91330483MA29K7PQ9K")]
    public void Valid_codes_pass(string code)
    {
        var result = CreditCode.Validate(code);

        Assert.True(result.IsValid, result.Problem);
        Assert.Null(result.Problem);
    }

    [Theory]
    [InlineData("91310110666007217U", "check character is 'U' but should be 'T'")]
    [InlineData("91310110666OO7217T",
        "character 12 'O' is not allowed: credit codes use digits and capital letters except I, O, S, V, Z")]
    [InlineData("9131011066600721", "has 16 characters; a credit code has 18")]
    // Characters, not UTF-16 units: one emoji was "2 characters", nine passed the length (the wire probe).
    [InlineData("\uD83D\uDE00", "has 1 character; a credit code has 18")]
    [InlineData("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"
        + "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", "has 9 characters; a credit code has 18")]
    [InlineData("91310110666007217\uD83D\uDE00",
        "character 18 '\uD83D\uDE00' is not allowed: credit codes use digits and capital letters except I, O, S, V, Z")]
    [InlineData("91350203M0001QAY9B", "check character is 'B' but should be '9'")]
    [InlineData("91330402ma2b3c4d1n", "character 9 'm' is lower case: write credit codes in capital letters ('M')")]
    [InlineData("9133A402MA2B3C4D1N",
        "character 5 'A' must be a digit: characters 3–8 are the administrative division code (行政区划码)")]
    // Padding, line breaks and full-width characters are named: a count of characters the person cannot see is no
    // help (the partner probe: codes pasted from a spreadsheet, or typed with a Chinese input method).
    [InlineData(" 91310110666007217T",
        "starts with a space: send the 18 characters without spaces, line breaks or invisible characters")]
    [InlineData("91310110666007217T\n",
        "ends with a line break: send the 18 characters without spaces, line breaks or invisible characters")]
    [InlineData("91310110666007217T\u3000",
        "ends with a full-width space: send the 18 characters without spaces, line breaks or invisible characters")]
    [InlineData("\uFEFF91310110666007217T", "starts with a byte order mark (U+FEFF): send the 18 characters without "
        + "spaces, line breaks or invisible characters")]
    [InlineData("913101106660\t7217T",
        "character 13 is a tab: a credit code has no spaces, line breaks or invisible characters")]
    // An inserted one makes the length wrong too: named before the count (the re-probe).
    [InlineData("91310110666 007217T",
        "character 12 is a space: a credit code has no spaces, line breaks or invisible characters")]
    [InlineData("9131011066600\u200B7217T",
        "character 14 is a zero-width space: a credit code has no spaces, line breaks or invisible characters")]
    [InlineData("9131011066600\u20287217T",
        "character 14 is a line break: a credit code has no spaces, line breaks or invisible characters")]
    [InlineData("   \n  ", "the credit code is blank (only spaces, line breaks or invisible characters); it has 18 "
        + "characters")]
    [InlineData("９1310110666007217T", "character 1 '９' is a full-width character: write '9'")]
    [InlineData("91310110666007217ｔ", "character 18 'ｔ' is a full-width character: write 'T'")]
    [InlineData("", "the credit code is empty; a credit code has 18 characters")]
    [InlineData(null, "the credit code is empty; a credit code has 18 characters")]
    public void Invalid_codes_say_what_is_wrong(string? code, string problem)
    {
        var result = CreditCode.Validate(code);

        Assert.False(result.IsValid);
        Assert.Equal(problem, result.Problem);
    }

    [Theory]
    [InlineData("91310110666007217", "91310110666007217T")]
    [InlineData("91110000600037341", "91110000600037341L")]
    [InlineData("91330402MA2B3C4D1", "91330402MA2B3C4D1N")]
    [InlineData("91350203M0001QAY9", "91350203M0001QAY99")]
    public void WithCheckCharacter_completes_the_code(string first17, string expected) =>
        Assert.Equal(expected, CreditCode.WithCheckCharacter(first17));

    [Theory]
    [InlineData("9131011066600721")]
    [InlineData("9131011066600721O")]
    public void WithCheckCharacter_rejects_bad_input(string first17) =>
        Assert.Throws<ArgumentException>(() => CreditCode.WithCheckCharacter(first17));
}
