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
