using System.Globalization;
using System.Text;

namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// Text that is compared or quoted character by character must be printed text: a document number (one typed with a
/// zero-width space was another document) and a WebSocket operation id (quoted in request ids, where a line break
/// forged a line of a report). A control, formatting (bidi, zero-width), combining, private-use, unassigned or
/// line-separator character is named with its position.
/// </summary>
internal static class PrintableText
{
    /// <summary>The first character of the text that is not printed text, described; null if none.</summary>
    public static string? FirstUnprintable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            position++;
            if (Kind(Rune.GetUnicodeCategory(rune)) is { } kind)
            {
                return $"U+{rune.Value:X4} ({kind}) at character {position}";
            }
        }

        return null;
    }

    /// <summary>
    /// Letters by category that print as nothing: the Hangul fillers (ㅤ) and the braille pattern with no dots. Free
    /// text of them alone was shown as empty, and an idempotency key of them looked empty.
    /// </summary>
    public static bool PrintsAsBlank(Rune rune) => rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;

    /// <summary>Bidi embeddings, overrides and isolates: they reorder the text around them on the reader's screen.
    /// </summary>
    public static bool IsBidiControl(int codePoint) =>
        codePoint is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    private static string? Kind(UnicodeCategory category) => category switch
    {
        UnicodeCategory.Control => "a control character",
        UnicodeCategory.Format => "an invisible formatting character",
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            => "a combining mark",
        UnicodeCategory.PrivateUse => "a private-use character",
        UnicodeCategory.OtherNotAssigned => "an unassigned code point",
        UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => "a line separator",
        UnicodeCategory.Surrogate => "a lone surrogate",
        _ => null,
    };
}
