using ProductQuality.Graph.Operations.Telemetry;

namespace ProductQuality.Graph.Infrastructure.Http.Limits;

/// <summary>Writes a <see cref="LimitRefusal"/> as a GraphQL-shaped error body, its facts beside the code.</summary>
internal static class LimitRefusalWriter
{
    public static Task WriteAsync(HttpContext http, LimitRefusal refusal, string mediaType)
    {
        if (RequestTelemetry.Of(http) is { } telemetry)
        {
            // A request the database held up past the deadline is the server's failure, as its access log entry says.
            telemetry.Outcome = refusal.Code == Schema.ErrorCodes.DatabaseUnavailable
                ? Outcomes.Error
                : Outcomes.Limited;
        }

        var trace = http.Features.Get<Audit.AccessTrace>();
        if (refusal.Unlogged && trace is not null)
        {
            trace.Unlogged = true;
        }

        // A write that committed and then ran past the timeout (waiting on a lock after its commit, or beside a
        // second write of the request) was answered "stopped, nothing partial" and the client was not told it was
        // recorded (the writes probe): a refusal after this request's writes committed lists them, as the access
        // log's 503 does. Nothing is added when the request wrote nothing.
        return TransportErrorWriter.WriteAsync(http,
            new RequestError(refusal.StatusFor(mediaType), refusal.Code,
                refusal.Message + (trace?.CommittedWritesSentence() ?? "")),
            mediaType, facts: refusal.Facts, moreExtensions: trace is null ? null : trace.WriteCommittedWrites);
    }
}
