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

        var bytes = new List<byte>(rawQuery.Length);
        for (var i = 0; i < rawQuery.Length; i++)
        {
            var c = rawQuery[i];
            if (c != '%')
            {
                // Kestrel admits only ASCII in the request target, so each character is one byte.
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }

            if (i + 2 >= rawQuery.Length || !IsHex(rawQuery[i + 1]) || !IsHex(rawQuery[i + 2]))
            {
                return $"has a '%' at offset {i} that starts no escape (a '%' in a parameter is sent as %25)";
            }

            bytes.Add(Convert.ToByte(rawQuery.Substring(i + 1, 2), 16));
            i += 2;
        }

        return Utf8.IsValid(bytes.ToArray()) ? null
            : "is not UTF-8 once its %-escapes are decoded: encode the parameters' UTF-8 bytes";
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
