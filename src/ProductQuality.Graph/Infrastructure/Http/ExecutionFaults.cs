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
    public static async Task HandleAsync(UnhandledExceptionContext context)
    {
        var options = context.ExecutionOptions;
        var userContext = options.UserContext as GraphQLUserContext;
        var requestId = userContext?.RequestId;
        var logger = options.RequestServices?.GetService<ILogger<GraphQLEndpoint>>();
        var path = context.FieldContext?.Path is { } fieldPath ? string.Join('.', fieldPath) : "(operation)";
        var (reason, sentence) = await logger.LogRequestFailureAsync(context.OriginalException, "execution",
            $"Unhandled error executing the request at {path}", requestId, options.RequestServices,
            options.CancellationToken, outageAlreadyLogged: () => userContext?.FirstOutageReport() == false);

        var recorded = (context.OriginalException as Recording.AnswerAfterCommitException)?.Sentence;
        if (reason is not null)
        {
            context.Exception = Unavailable(reason, requestId, recorded);
            return;
        }

        // The whole answer becomes a 503 (GraphQLEndpoint, with the sentence kept here); the error says it over
        // WebSocket too.
        if (sentence is not null)
        {
            if (userContext is not null)
            {
                userContext.NotMigratedSentence = sentence;
            }

            context.Exception = new DomainException(ErrorCodes.DatabaseNotMigrated,
                recorded is null ? sentence : $"{recorded} {sentence}",
                new Dictionary<string, object?> { ["requestId"] = requestId });
            return;
        }

        context.Exception = recorded is null
            ? InternalError.Create(requestId)
            : new DomainException(ErrorCodes.InternalError, $"{recorded} {InternalError.Message(requestId)}",
                new Dictionary<string, object?> { ["requestId"] = requestId });
    }

    /// <summary>
    /// The error a field (or a whole request) gets when the database is out. An executed request still answers 200:
    /// the GraphQL over HTTP spec requires 2xx whenever <c>data</c> is present, so clients branch on the code.
    /// </summary>
    /// <param name="recorded">For a write whose answer failed after it committed: the sentence saying so, which
    /// replaces "nothing could be read or written".</param>
    public static DomainException Unavailable(string reason, string? requestId, string? recorded = null) => new(
        ErrorCodes.DatabaseUnavailable, recorded is null
            ? DatabaseOutage.Message(reason, requestId)
            : $"The database {reason}. {recorded} Retry after {DatabaseOutage.RetryAfterSeconds} s.",
        new Dictionary<string, object?>
        {
            ["retryAfterSeconds"] = DatabaseOutage.RetryAfterSeconds,
            ["requestId"] = requestId,
        });
}
