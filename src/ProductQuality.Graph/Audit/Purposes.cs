using ProductQuality.Graph.Access;
using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Audit;

/// <summary>
/// Reads the declared purpose into the request's trace and refuses a malformed one (400 INVALID_PURPOSE) or, for a
/// department whose policy requires one (<c>Access:Departments:&lt;id&gt;:RequirePurpose</c>), a missing one
/// (403 PURPOSE_REQUIRED).
/// </summary>
internal static class Purposes
{
    /// <param name="query">The document sent and <paramref name="operationName"/>: a query of the schema alone
    /// (<see cref="SchemaOnlyOperation"/>) needs no purpose.</param>
    public static RequestError? Refusal(HttpContext http, Audience audience, AccessTrace? trace, string? query,
        string? operationName)
    {
        var (purpose, problem) = PurposeHeader.Read(http.Request);
        if (problem is not null)
        {
            // A purpose too long says its length and the limit beside the code too, as every limit does.
            var refusal = RequestError.BadRequest(PurposeHeader.InvalidCode, problem);
            return http.Request.Headers[PurposeHeader.Name] is [{ Length: > PurposeHeader.MaxLength } sent]
                ? refusal with { Facts = [new("characters", sent.Length), new("limit", PurposeHeader.MaxLength)] }
                : refusal;
        }

        if (trace is not null)
        {
            trace.Purpose = purpose;
        }

        // A browser cannot set headers on a WebSocket: there the purpose goes in connection_init's payload.
        var where = http.WebSockets.IsWebSocketRequest
            ? $" (over WebSocket, in connection_init's payload: {{\"purpose\": \"loan-review\"}}, or the "
                + $"{PurposeHeader.Name} header on the upgrade request)"
            : "";
        return purpose is null && audience.PurposeRequired && SchemaOnlyOperation.AsksForData(query, operationName)
            ? new RequestError(StatusCodes.Status403Forbidden, PurposeHeader.RequiredCode,
                $"Your department must state why it asks: send the {PurposeHeader.Name} header, e.g. "
                + $"'{PurposeHeader.Name}: loan-review' or '{PurposeHeader.Name}: project-approval:2026-0123'{where}.")
            : null;
    }
}
