using System.Globalization;
using System.Text;
using ProductQuality.Graph.Infrastructure;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// What free text a write stores (reasons, summaries, notes, lab names) must hold and must not: partners show it as
/// it is. It must hold at least one character that prints on its own — zero-width spaces, Hangul fillers (ㅤ), the
/// braille blank or combining marks alone were stored and shown as an empty reason. And it must not hold control
/// characters other than tab and line breaks (a terminal's BEL and ESC sequences), bidi overrides and isolates
/// (they reorder the text around them on a partner's screen, e.g. a fine's digits), or noncharacters. Private-use
/// characters stay: rare characters of names are often typed with them.
/// </summary>
internal static class FreeText
{
    /// <summary>Whether the text holds a character that prints on its own.</summary>
    public static bool HasVisibleCharacter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var rune in text.EnumerateRunes())
        {
            if (PrintsAlone(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first character free text may not hold, described with its position; null if none.</summary>
    public static string? FirstRefused(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            position++;
            var kind = rune.Value switch
            {
                '\t' or '\n' or '\r' => null,
                _ when Rune.IsControl(rune) => "the control character",
                _ when PrintableText.IsBidiControl(rune.Value) => "the bidirectional formatting character",
                >= 0xFDD0 and <= 0xFDEF => "the noncharacter",
                _ when (rune.Value & 0xFFFE) == 0xFFFE => "the noncharacter",
                _ => null,
            };
            if (kind is not null)
            {
                return $"{kind} U+{rune.Value:X4} at character {position}";
            }
        }

        return null;
    }

    private static bool PrintsAlone(Rune rune)
    {
        if (PrintableText.PrintsAsBlank(rune))
        {
            return false;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => false,
            _ => !Rune.IsWhiteSpace(rune),
        };
    }
}
