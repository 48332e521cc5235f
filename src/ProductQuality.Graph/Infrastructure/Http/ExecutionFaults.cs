using GraphQL.Execution;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// The executer's unhandled-exception hook: a resolver or the executer itself failed in a way no caller can fix.
/// Logged once with the request id and field path (not the document), answered as INTERNAL_ERROR with that id.
/// </summary>
internal static class ExecutionFaults
{
    public static void Handle(UnhandledExceptionContext context)
    {
        var options = context.ExecutionOptions;
        var requestId = (options.UserContext as GraphQLUserContext)?.RequestId;
        var logger = options.RequestServices?.GetService<ILogger<GraphQLEndpoint>>();
        logger?.LogError(context.OriginalException, "Unhandled error executing request {RequestId} at {Path}",
            requestId, context.FieldContext?.Path is { } path ? string.Join('.', path) : "(operation)");
        context.Exception = InternalError.Create(requestId);
    }
}
