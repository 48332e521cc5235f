using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// JSON from a client (a POST body, a WebSocket message, a GET parameter), checked before anything reads it:
/// <list type="bullet">
/// <item>UTF-8 first. System.Text.Json parses invalid UTF-8 inside a string without complaint and throws only when
/// the string is read, wherever that is (a variable's raw text answered 500).</item>
/// <item>A leading byte order mark is skipped, as RFC 8259 allows: PowerShell and some Windows tools send one.</item>
/// <item>A member given twice is refused: which of the two values counts is not for the server to guess.</item>
/// </list>
/// </summary>
internal static partial class JsonIntake
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    // System.Text.Json's advice is for programmers configuring its reader, not for a client sending JSON.
    private const string ReaderAdvice = " Change the reader options.";

    /// <summary>The parsed document, or null and what is wrong ("not valid …", to follow "is"; no full stop).
    /// </summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> utf8, out string? problem)
    {
        if (utf8.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        }

        if (!Utf8.IsValid(utf8.Span))
        {
            var at = FirstInvalidByte(utf8.Span);
            problem = $"not valid UTF-8 (byte 0x{utf8.Span[at]:X2} at offset {at}): "
                + "send the text encoded as UTF-8";
            return null;
        }

        try
        {
            problem = null;
            return JsonDocument.Parse(utf8, Options);
        }
        catch (InvalidOperationException)
        {
            // Comparing member names for duplicates reads them as text: an escaped lone surrogate cannot be.
            problem = "not valid JSON text: a member's name holds a lone UTF-16 surrogate (such as \\ud800); send "
                + "the characters themselves or escape them as surrogate pairs";
            return null;
        }
        catch (JsonException ex)
        {
            problem = "not valid JSON: " + Said(ex);
            return null;
        }
    }

    /// <summary>
    /// System.Text.Json's message in a client's words: its position ("LineNumber: 0 | BytePositionInLine: 354") as a
    /// line and byte counted from 1, and its two sentences written for programmers (the reader's configured depth,
    /// "encountered during deserialization") as what to send.
    /// </summary>
    internal static string Said(JsonException ex)
    {
        var message = Position().Replace(ex.Message.Replace(ReaderAdvice, "", StringComparison.Ordinal), "").Trim();
        var at = ex.LineNumber is { } line && ex.BytePositionInLine is { } column
            ? $" (line {line + 1}, byte {column + 1})"
            : "";
        var said = message.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal)
            ? "it holds no JSON value (it is empty or only white space): send a JSON object"
            : Depth().Match(message) is { Success: true } depth
            ? $"it nests objects and arrays deeper than {depth.Groups[1].Value} levels{at}: send flatter JSON"
            : Duplicate().Match(message) is { Success: true } duplicate
                ? $"the member '{Quoted.Start(duplicate.Groups[1].Value)}' is given twice{at}: send each member once"
                : message.TrimEnd('.') + at;
        return said;
    }

    [System.Text.RegularExpressions.GeneratedRegex(
        @"\s*(Path: \S*)?\s*\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial System.Text.RegularExpressions.Regex Position();

    [System.Text.RegularExpressions.GeneratedRegex(@"maximum configured depth of (\d+) has been exceeded")]
    private static partial System.Text.RegularExpressions.Regex Depth();

    [System.Text.RegularExpressions.GeneratedRegex(@"^Duplicate property '(.*)' encountered")]
    private static partial System.Text.RegularExpressions.Regex Duplicate();

    /// <inheritdoc cref="Parse(ReadOnlyMemory{byte}, out string?)"/>
    public static JsonDocument? Parse(string text, out string? problem)
    {
        // A string from ASP.NET (a decoded query parameter) is UTF-16 already; a lone surrogate in it becomes U+FFFD.
        return Parse(Encoding.UTF8.GetBytes(text), out problem);
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        var at = 0;
        while (at < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[at..], out _, out var consumed) != OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return 0;
    }
}
