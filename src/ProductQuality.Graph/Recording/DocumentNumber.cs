using System.Text;

namespace ProductQuality.Graph.Recording;

/// <summary>
/// Document numbers — a report's, a decision's, a bulletin's, a signal's reference — are how the bureau tells one
/// document from another: a second write with a number already recorded is DUPLICATE. Compared as sent,
/// "DUP-1", "DUP-1" with a zero-width space, with bidi isolates, with a soft hyphen or with a full-width "Ｄ" were
/// five documents, and a number of zero-width spaces alone passed "not blank". So a number is stored in Unicode
/// compatibility form (NFKC: full-width letters, digits and brackets as their usual forms; 〔〕 and CJK unchanged),
/// with any run of white space as one space, and one holding a character nobody can see or type as printed
/// (control, formatting, combining, private or unassigned: <see cref="Infrastructure.PrintableText"/>) is refused,
/// naming the character.
/// </summary>
internal static class DocumentNumber
{
    /// <summary>The number as stored and compared; null when the text is not valid Unicode.</summary>
    public static string? Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string compatible;
        try
        {
            compatible = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return null; // a lone surrogate
        }

        var result = new StringBuilder(compatible.Length);
        var space = false;
        foreach (var rune in compatible.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(rune.ToString());
        }

        return result.ToString();
    }

    /// <summary>
    /// The forms a number may be stored in, for the duplicate check: normalized, and as typed (trimmed) — the form
    /// every number recorded before normalization was stored in. Without the second, a number recorded then and
    /// typed again exactly was accepted as a new document after the upgrade. Each also with its Latin letters in
    /// capitals, which a check compares with the stored number's Latin capitals (<see cref="StoredNumberCapitals"/>):
    /// "prb-001" was another document than "PRB-001", and one report of an enterprise counted twice (the probe of
    /// recent changes).
    /// </summary>
    public static string[] Forms(string? typed)
    {
        var asTyped = typed?.Trim() ?? "";
        var normalized = Normalize(asTyped) ?? asTyped;
        return new[] { normalized, asTyped, LatinCapitals(normalized), LatinCapitals(asTyped) }
            .Distinct(StringComparer.Ordinal).ToArray();
    }

    // Latin letters only: what SQLite's upper() folds, so that a form and upper(stored) meet on both databases.
    private static string LatinCapitals(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is >= 'a' and <= 'z' ? (char)(source[i] - 32) : source[i];
            }
        });
}
