using GraphQL.Execution;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// The executer's unhandled-exception hook: a resolver or the executer itself failed in a way no caller can fix.
/// Logged once with the request id and field path (not the document), answered as INTERNAL_ERROR with that id — or,
/// when the database could not answer, as DATABASE_UNAVAILABLE with a time to retry and one warning line per request.
/// </summary>
internal static class ExecutionFaults
{
    public static void Handle(UnhandledExceptionContext context)
    {
        var options = context.ExecutionOptions;
        var userContext = options.UserContext as GraphQLUserContext;
        var requestId = userContext?.RequestId;
        var logger = options.RequestServices?.GetService<ILogger<GraphQLEndpoint>>();
        var path = context.FieldContext?.Path is { } fieldPath ? string.Join('.', fieldPath) : "(operation)";
        var reason = DatabaseOutage.Reason(context.OriginalException);
        logger?.LogDatabaseFailure(context.OriginalException, "execution",
            $"Unhandled error executing the request at {path}", requestId,
            outageAlreadyLogged: reason is not null && userContext?.FirstOutageReport() == false);
        if (reason is not null)
        {
            context.Exception = Unavailable(reason, requestId);
            return;
        }

        context.Exception = InternalError.Create(requestId);
    }

    /// <summary>
    /// The error a field (or a whole request) gets when the database is out. An executed request still answers 200:
    /// the GraphQL over HTTP spec requires 2xx whenever <c>data</c> is present, so clients branch on the code.
    /// </summary>
    public static DomainException Unavailable(string reason, string? requestId) => new(
        ErrorCodes.DatabaseUnavailable, DatabaseOutage.Message(reason, requestId),
        new Dictionary<string, object?>
        {
            ["retryAfterSeconds"] = DatabaseOutage.RetryAfterSeconds,
            ["requestId"] = requestId,
        });
}
