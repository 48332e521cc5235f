using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// Sizes Kestrel's request-line limit so a GET carries any document a POST may: Kestrel's default (8 KB) answered a
/// GET holding a 9 KB document with a bare 414 and no body, although the same document by POST was accepted, and
/// one over <see cref="GraphQLHttpOptions.MaxDocumentLength"/> got the 414 instead of the endpoint's coded
/// DOCUMENT_TOO_LARGE. Kestrel refuses a request line before any middleware runs, so no error body can be written
/// for it: the limit has to sit above what the endpoint checks itself.
/// </summary>
internal static class RequestLineLimit
{
    /// <summary>Percent-encoded, a character takes at most 9 bytes (3 bytes of UTF-8, each as %XX).</summary>
    private const int EncodedBytesPerCharacter = 9;

    /// <summary>Room for the method, path, the other parameters and the variables beside the document.</summary>
    private const int Headroom = 64 * 1024;

    /// <summary>Kestrel's own default, kept as the floor.</summary>
    private const int Floor = 8 * 1024;

    /// <summary>
    /// The request line Kestrel accepts: a document of the longest accepted length, every character percent-encoded
    /// at its widest, plus headroom, but never above Kestrel's request buffer (which it requires the line to fit).
    /// </summary>
    public static int For(GraphQLHttpOptions options, KestrelServerLimits limits)
    {
        var wanted = (long)options.MaxDocumentLength * EncodedBytesPerCharacter + Headroom;
        var ceiling = limits.MaxRequestBufferSize ?? long.MaxValue;
        return (int)Math.Max(Floor, Math.Min(wanted, Math.Min(ceiling, int.MaxValue)));
    }
}
