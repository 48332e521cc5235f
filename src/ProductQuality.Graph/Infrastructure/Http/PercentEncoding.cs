using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// Checks a GET request's query string as sent. ASP.NET Core leaves an escape it cannot decode as it was ("%ff"
/// stays "%ff"), so the document reached the parser with the escape in it and the caller read "Unexpected character
/// '%'" about a query it never wrote; an operation name came back undecoded. Here such a query string is named for
/// what it is: not UTF-8 once decoded, or a '%' that starts no escape.
/// </summary>
internal static class PercentEncoding
{
    /// <summary>What is wrong with the raw query string ("?a=b…"), or null when it decodes to UTF-8.</summary>
    public static string? Problem(string? rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery) || !rawQuery.Contains('%', StringComparison.Ordinal))
        {
            return null;
        }

        // Every GET of an encoded document passes here: one pooled buffer, runs between escapes encoded at once.
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(rawQuery.Length));
        try
        {
            var length = 0;
            for (var i = 0; i < rawQuery.Length;)
            {
                if (rawQuery[i] != '%')
                {
                    var next = rawQuery.IndexOf('%', i);
                    var run = rawQuery.AsSpan(i, (next < 0 ? rawQuery.Length : next) - i);
                    length += Encoding.UTF8.GetBytes(run, bytes.AsSpan(length));
                    i += run.Length;
                    continue;
                }

                if (i + 2 >= rawQuery.Length || !IsHex(rawQuery[i + 1]) || !IsHex(rawQuery[i + 2]))
                {
                    return $"has a '%' at offset {i} that starts no escape (a '%' in a parameter is sent as %25)";
                }

                bytes[length++] = byte.Parse(rawQuery.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber,
                    System.Globalization.CultureInfo.InvariantCulture);
                i += 3;
            }

            return Utf8.IsValid(bytes.AsSpan(0, length)) ? null
                : "is not UTF-8 once its %-escapes are decoded: encode the parameters' UTF-8 bytes";
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
