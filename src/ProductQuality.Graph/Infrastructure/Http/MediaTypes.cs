using Microsoft.Net.Http.Headers;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>Content negotiation of the GraphQL over HTTP specification.</summary>
internal static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string EventStream = "text/event-stream";

    /// <summary>
    /// Picks the response media type from the Accept header: the spec's <c>application/graphql-response+json</c> when
    /// the client names it, <c>application/json</c> when it names that, a wildcard or nothing; null means 406. Each
    /// type takes the quality of the most specific range that matches it (RFC 9110 §12.5.1): in
    /// <c>*/*, application/json;q=0</c> the client refuses application/json, and gets the spec's type.
    /// </summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return Json;
        }

        var (spec, json) = (Rate(accept, GraphQLResponse), Rate(accept, Json));
        if (spec is not { Quality: > 0 })
        {
            return json is { Quality: > 0 } ? Json : null;
        }

        if (json is not { Quality: > 0 })
        {
            return GraphQLResponse;
        }

        // The higher quality; at equal quality a type the client names beats a wildcard, and of two named the first
        // listed. Both by the same wildcard alone: application/json, the spec's SHOULD (every client reads it).
        return (spec.Value.Quality, spec.Value.Named, -spec.Value.Position)
            .CompareTo((json.Value.Quality, json.Value.Named, -json.Value.Position)) > 0 ? GraphQLResponse : Json;
    }

    // The range of Accept that decides for this type: its own name before type/*, before */*.
    private static (double Quality, bool Named, int Position)? Rate(
        IList<MediaTypeHeaderValue> accept, string offered)
    {
        (double Quality, bool Named, int Position)? decided = null;
        var decidedBy = -1;
        for (var i = 0; i < accept.Count; i++)
        {
            // Media types are case-insensitive (RFC 9110 §8.3.1): "Application/JSON" is application/json.
            var range = accept[i].MediaType.Value?.ToLowerInvariant();
            var specificity = range == offered ? 2 : range == "application/*" ? 1 : range == "*/*" ? 0 : -1;
            if (specificity > decidedBy)
            {
                (decided, decidedBy) = ((accept[i].Quality ?? 1, specificity == 2, i), specificity);
            }
        }

        return decided;
    }

    /// <summary>
    /// True when Accept allows text/event-stream, the GraphQL over SSE protocol's type (graphql-sse's clients ask
    /// for it alone). Not served here: the endpoint tells such a subscription where subscriptions are served.
    /// </summary>
    public static bool AcceptsEventStream(HttpRequest request) => request.GetTypedHeaders().Accept.Any(a =>
        (a.Quality ?? 1) > 0 && a.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The 415 for a body the server would have to decode first, as every POST address answers it; null when the body
    /// is sent as is. A Content-Encoding other than identity: ignored, a gzip body was read as JSON ("not valid UTF-8
    /// at offset 1") and a "br" label on a plain body passed unnoticed; RFC 9110 §15.5.16 answers both with 415. A
    /// transfer coding other than chunked (<c>Transfer-Encoding: gzip, chunked</c>): Kestrel removes the chunking only,
    /// and the compressed bytes were likewise read as JSON that is not UTF-8 (the wire probe).
    /// </summary>
    public static RequestError? BodyCodingRefusal(HttpRequest request)
    {
        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        if (encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return Refusal("Content-Encoding", Quoted.Start(encoding), "without the header");
        }

        var transfer = request.Headers.TransferEncoding.ToString();
        var codings = transfer.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return codings.Any(c => !c.Split(';')[0].Trim().Equals("chunked", StringComparison.OrdinalIgnoreCase))
            ? Refusal("Transfer-Encoding", Quoted.Start(transfer.Trim()), "chunked or with a Content-Length")
            : null;

        static RequestError Refusal(string header, string value, string howToSend) =>
            new(StatusCodes.Status415UnsupportedMediaType, ContentEncodingRefusedCode,
                $"The body is sent with {header} '{value}', which this server does not decode: send the JSON "
                + $"uncompressed, {howToSend}.");
    }

    public const string ContentEncodingRefusedCode = "UNSUPPORTED_CONTENT_ENCODING";

    public static bool IsJsonContent(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
        && contentType.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
        // Said twice, the first was read ("charset=utf-8; charset=utf-16" was UTF-8, "charset=utf-16" alone 415).
        && contentType.Parameters.Count(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)) <= 1
        && (contentType.Charset.Value is null
            // A parameter's value may be quoted (RFC 9110 §5.6.6): charset="utf-8" is charset=utf-8. "utf8" is
            // UTF-8's label too (WHATWG Encoding), which some clients send.
            || HeaderUtilities.RemoveQuotes(contentType.Charset).Value is { } charset
                && (charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                    || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Whether the Content-Type is no media type at all (<c>application/json; =</c>).</summary>
    public static bool IsMalformed(string contentType) => !MediaTypeHeaderValue.TryParse(contentType, out _);

    /// <summary>Whether the Content-Type names its charset more than once.</summary>
    public static bool RepeatsCharset(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.Parameters.Count(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)) > 1;
}
