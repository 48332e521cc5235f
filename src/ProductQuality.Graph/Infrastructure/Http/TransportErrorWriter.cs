using System.Text.Encodings.Web;
using System.Text.Json;
using ProductQuality.Graph.Operations.Telemetry;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// Writes a refusal of the transport as a GraphQL-shaped error body, so clients parse every failure alike. Every body
/// carries <c>extensions.requestId</c> (the <c>X-Request-Id</c> header, the id the server logged the request under).
/// </summary>
internal static class TransportErrorWriter
{
    /// <param name="facts">Numbers written beside the code, e.g. a measured value and its limit.</param>
    /// <param name="moreExtensions">Writes further members of <c>extensions</c> (a list, an object).</param>
    public static async Task WriteAsync(
        HttpContext http, RequestError error, string mediaType,
        IReadOnlyList<KeyValuePair<string, long>>? facts = null, Action<Utf8JsonWriter>? moreExtensions = null)
    {
        RequestTelemetry.Of(http)?.Refused(error.Status, error.Code);
        http.Features.Get<Audit.AccessTrace>()?.Failed(error.Code, error.Status >= 500, nothingReturned: true);
        http.Response.StatusCode = error.Status;
        if (error.Code == MediaTypes.ContentEncodingRefusedCode)
        {
            // RFC 9110 §15.5.16: a 415 for the body's content coding names the codings that would be accepted, so a
            // client that compresses by default (or a proxy) can tell what to send.
            http.Response.Headers.AcceptEncoding = "identity";
        }

        http.Response.ContentType = mediaType + "; charset=utf-8";
        await using var writer = new Utf8JsonWriter(http.Response.Body,
            new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteStartArray("errors");
        writer.WriteStartObject();
        writer.WriteString("message", error.Message);
        writer.WriteStartObject("extensions");
        writer.WriteString("code", error.Code);
        writer.WriteString("requestId", http.TraceIdentifier);

        foreach (var (name, value) in (facts ?? []).Concat(error.Facts))
        {
            writer.WriteNumber(name, value);
        }

        moreExtensions?.Invoke(writer);

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(http.RequestAborted);
    }
}
