using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// What Kestrel refuses before any middleware runs gets a bare status with no body and no code, so the server's own
/// checks must come first wherever they can: Kestrel is told to let through what the endpoint answers better.
/// </summary>
internal static class KestrelRequestReading
{
    /// <summary>Percent-encoded, a character takes at most 9 bytes (3 bytes of UTF-8, each as %XX).</summary>
    private const int EncodedBytesPerCharacter = 9;

    /// <summary>Room for the method, path, the other parameters and the variables beside the document.</summary>
    private const int Headroom = 64 * 1024;

    /// <summary>Kestrel's own default, kept as the floor.</summary>
    private const int Floor = 8 * 1024;

    /// <summary>
    /// Header lines a request may carry. Kestrel's default (100) gave a bare 431 to 101 small headers, 2 KB in all,
    /// while the contract names only the 32 KB of headers: at 1,000, a request runs into the bytes first unless its
    /// header lines average under 33 bytes.
    /// </summary>
    public const int MaxHeaderCount = 1_000;

    /// <summary>UTF-8 that replaces a byte it cannot decode (U+FFFD) instead of failing the request.</summary>
    private static readonly Encoding LenientUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: false);

    public static void Configure(KestrelServerOptions kestrel, GraphQLHttpOptions options)
    {
        kestrel.Limits.MaxRequestLineSize = RequestLineFor(options, kestrel.Limits);
        kestrel.Limits.MaxRequestHeaderCount = MaxHeaderCount;
        // A header value that is not UTF-8 ("X-Purpose: caf\xe9", a token with a stray byte) was a bare 400. Read
        // leniently, it reaches the checks of the header it is in, which answer with a code (INVALID_PURPOSE,
        // INVALID_TOKEN); a header nobody reads is ignored, as any other. Not Content-Length: Kestrel parses it with a
        // fixed buffer under a custom encoding, and 21 digits or more overflowed it — no answer at all and a stack
        // trace in the log (the wire probe); by default it is Kestrel's bare 400, as for 19 or 20 digits.
        kestrel.RequestHeaderEncodingSelector = name =>
            name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) ? null : LenientUtf8;
    }

    /// <summary>
    /// The request line Kestrel accepts, so a GET carries any document a POST may: a document of the longest accepted
    /// length, every character percent-encoded at its widest, plus headroom, but never above Kestrel's request
    /// buffer (which it requires the line to fit). Kestrel's default (8 KB) answered a GET holding a 9 KB document
    /// with a bare 414, and one over <see cref="GraphQLHttpOptions.MaxDocumentLength"/> got the 414 instead of the
    /// endpoint's coded DOCUMENT_TOO_LARGE.
    /// </summary>
    public static int RequestLineFor(GraphQLHttpOptions options, KestrelServerLimits limits)
    {
        var wanted = (long)options.MaxDocumentLength * EncodedBytesPerCharacter + Headroom;
        var ceiling = limits.MaxRequestBufferSize ?? long.MaxValue;
        return (int)Math.Max(Floor, Math.Min(wanted, Math.Min(ceiling, int.MaxValue)));
    }
}
