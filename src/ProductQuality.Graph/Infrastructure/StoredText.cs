namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// What no stored text may hold — NUL, which PostgreSQL's text refuses, and UTF-16 surrogates that are not in pairs,
/// which Npgsql cannot encode — found in input that is refused (<see cref="Problem"/>), or taken out of text the
/// server keeps whatever it is, such as the access log's columns (<see cref="Fit"/>).
/// </summary>
internal static class StoredText
{
    /// <summary>"holds …" naming the first such character and its position, or null when the text is fine.</summary>
    public static string? Problem(ReadOnlySpan<char> text)
    {
        var nul = text.IndexOf('\0');
        var lone = FirstLoneSurrogate(text);
        return nul >= 0 && (lone < 0 || nul < lone) ? $"holds the NUL character (U+0000) at character {nul + 1}"
            : lone >= 0 ? $"holds a lone UTF-16 surrogate (U+{(int)text[lone]:X4}) at character {lone + 1}"
            : null;
    }

    /// <summary>The index of the first surrogate that is not half of a pair, or -1.</summary>
    public static int FirstLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The text as a column of <paramref name="maxLength"/> characters holds it on every provider: cut before a
    /// surrogate pair, never through it; NUL dropped; a lone surrogate replaced by U+FFFD.
    /// </summary>
    public static string? Fit(string? text, int maxLength)
    {
        // Nearly always already fit (the access log asks for six columns a request): kept, not copied.
        if (text is null || (text.Length <= maxLength && text.AsSpan().IndexOf('\0') < 0
            && FirstLoneSurrogate(text) < 0))
        {
            return text;
        }

        var clean = new System.Text.StringBuilder(Math.Min(text.Length, maxLength));
        for (var i = 0; i < text.Length && clean.Length < maxLength; i++)
        {
            var c = text[i];
            if (char.IsSurrogatePair(text, i))
            {
                if (clean.Length + 2 > maxLength)
                {
                    break;
                }

                clean.Append(c).Append(text[++i]);
            }
            else if (c != '\0')
            {
                clean.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return clean.ToString();
    }
}
