namespace ProductQuality.Graph.Infrastructure;

/// <summary>
/// What a message repeats of the caller's input: its start only, so that no request multiplies its own size in
/// errors, and never half a character — cut between the two UTF-16 units of a character outside the BMP (an emoji,
/// a rare 汉字), the answer held a lone surrogate that no client can decode.
/// </summary>
internal static class Quoted
{
    /// <summary>How much of an input a message quotes by default: enough to recognise it.</summary>
    public const int Length = 40;

    /// <summary>The text, or its first <paramref name="length"/> characters and "…" (one fewer to keep a pair).
    /// </summary>
    public static string Start(string? text, int length = Length)
    {
        if (text is not { } whole || whole.Length <= length)
        {
            return Visible(text ?? "");
        }

        var cut = char.IsHighSurrogate(whole[length - 1]) ? length - 1 : length;
        return Visible(whole[..cut]) + "…";
    }

    /// <summary>
    /// Control, formatting (direction-changing, zero-width, tag) and line-separating characters written out as
    /// <c>\uXXXX</c>: quoted raw, a NUL went back in an operation name's error (the PostgreSQL probe), a line break
    /// forged a line where the message is logged, and a right-to-left override reversed the rest of the message on
    /// the caller's screen. Judged by whole characters: tag characters (U+E0020–E007F) after "finance" in a token's
    /// department were quoted raw, one UTF-16 unit at a time being no format character, and the 403 read as if finance
    /// had no policy. A lone surrogate, no character at all, is written out too.
    /// </summary>
    private static string Visible(string text)
    {
        System.Text.StringBuilder? visible = null;
        for (var i = 0; i < text.Length;)
        {
            var decoded = System.Text.Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used);
            if (decoded == System.Buffers.OperationStatus.Done && !Hidden(rune))
            {
                visible?.Append(text, i, used);
                i += used;
                continue;
            }

            visible ??= new System.Text.StringBuilder(text.Length + 12).Append(text, 0, i);
            foreach (var unit in text.AsSpan(i, used))
            {
                visible.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)unit:X4}");
            }

            i += used;
        }

        return visible?.ToString() ?? text;
    }

    // Formatting characters (direction marks U+200E/200F/061C, zero-width ones, tags) and the Unicode line and
    // paragraph separators too: the probe found them sent back raw in nine kinds of message.
    private static bool Hidden(System.Text.Rune rune) =>
        System.Text.Rune.IsControl(rune) || System.Text.Rune.GetUnicodeCategory(rune)
            is System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator;

    /// <summary>
    /// The text whole, as a JSON string: quotes and backslashes escaped, other characters (汉字 included) as they
    /// are. For a value the caller must send back exactly, such as an idempotency key.
    /// </summary>
    public static string AsJson(string text) => System.Text.Json.JsonSerializer.Serialize(text, Relaxed);

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
