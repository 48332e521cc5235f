using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>Writes a <see cref="LimitRefusal"/> as a GraphQL-shaped error body, its facts beside the code.</summary>
internal static class LimitRefusalWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext http, LimitRefusal refusal, string mediaType)
    {
        http.Response.StatusCode = refusal.StatusFor(mediaType);
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await using var writer = new Utf8JsonWriter(http.Response.Body, Options);
        writer.WriteStartObject();
        writer.WriteStartArray("errors");
        writer.WriteStartObject();
        writer.WriteString("message", refusal.Message);
        writer.WriteStartObject("extensions");
        writer.WriteString("code", refusal.Code);
        foreach (var (name, value) in refusal.Facts)
        {
            writer.WriteNumber(name, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(http.RequestAborted);
    }
}
