using ProductQuality.Graph.Operations.Telemetry;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>Writes a <see cref="LimitRefusal"/> as a GraphQL-shaped error body, its facts beside the code.</summary>
internal static class LimitRefusalWriter
{
    public static Task WriteAsync(HttpContext http, LimitRefusal refusal, string mediaType)
    {
        if (RequestTelemetry.Of(http) is { } telemetry)
        {
            telemetry.Outcome = Outcomes.Limited;
        }

        if (refusal.Unlogged && http.Features.Get<Audit.AccessTrace>() is { } trace)
        {
            trace.Unlogged = true;
        }

        return TransportErrorWriter.WriteAsync(http,
            new RequestError(refusal.StatusFor(mediaType), refusal.Code, refusal.Message), mediaType,
            facts: refusal.Facts);
    }
}
