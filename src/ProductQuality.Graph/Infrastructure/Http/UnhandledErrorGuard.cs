using ProductQuality.Graph.Data;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// The endpoint's last resort: an exception that escapes it is logged once with the request id (not the
/// document) and answered with a GraphQL-shaped 500 body carrying INTERNAL_ERROR and that id — never an
/// empty body or a stack trace. Every fault a caller can cause is answered before this with a 4xx; a database that
/// could not answer is 503 DATABASE_UNAVAILABLE with Retry-After, logged as a warning line.
/// </summary>
internal sealed class UnhandledErrorGuard(ILogger<UnhandledErrorGuard> logger)
{
    public async Task RunAsync(HttpContext http, Func<HttpContext, Task> endpoint)
    {
        try
        {
            await endpoint(http);
        }
        catch (OperationCanceledException ex)
            when (ex is CallerLeftException || http.RequestAborted.IsCancellationRequested)
        {
            // The caller went away: nobody is left to answer.
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            // Kestrel could not read the request (a body too slow, too large or cut short): the client's doing.
            http.Response.Clear();
            await TransportErrorWriter.WriteAsync(http, GraphQLRequestReader.Unreadable(ex),
                MediaTypes.Negotiate(http.Request) ?? MediaTypes.Json);
        }
#pragma warning disable CA1031 // The last resort: every exception is logged and answered, none is rethrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var (outage, notMigrated) = await logger.LogRequestFailureAsync(ex, "request",
                "Unhandled error answering the request", http.TraceIdentifier, http.RequestServices,
                CancellationToken.None);

            if (http.Response.HasStarted)
            {
                http.Abort();
                return;
            }

            http.Response.Clear();
            var error = notMigrated is not null
                ? new RequestError(StatusCodes.Status503ServiceUnavailable, ErrorCodes.DatabaseNotMigrated, notMigrated)
                : outage is null
                ? new RequestError(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError,
                    InternalError.Message(http.TraceIdentifier))
                : new RequestError(StatusCodes.Status503ServiceUnavailable, ErrorCodes.DatabaseUnavailable,
                    DatabaseOutage.Message(outage, http.TraceIdentifier));
            if (outage is not null)
            {
                http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterHeader;
            }

            await TransportErrorWriter.WriteAsync(http, error, MediaTypes.Negotiate(http.Request) ?? MediaTypes.Json);
        }
    }
}
