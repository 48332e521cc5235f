using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductQuality.Graph.Operations.Health;

/// <summary>
/// The probes' JSON body: the overall status and each check's name, status, description and duration. Only the
/// checks' own sentences are written — never an exception's message (it can name hosts, files or a connection
/// string); a check that threw or timed out says so in fixed words, and the server log has the detail.
/// </summary>
internal static class HealthReportWriter
{
    public static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(http.Response.Body,
            new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("status", report.Status.ToString());
        writer.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        writer.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteString("status", entry.Status.ToString());
            writer.WriteString("description", Describe(entry));
            writer.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(http.RequestAborted);
    }

    private static string Describe(HealthReportEntry entry) => entry switch
    {
        { Exception: OperationCanceledException } => "The check did not finish within Health:CheckTimeoutSeconds.",
        { Exception: not null } => "The check failed; the server log has the detail.",
        { Description: { Length: > 0 } description } => description,
        _ => entry.Status == HealthStatus.Healthy ? "OK." : "Not ready.",
    };
}
