using GraphQL.Types;
using GraphQLParser.AST;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// The operation a request selects, and a clear refusal when the department's schema has no root type for it (only
/// regulators have a Mutation type; a contract that may read no kind of change has no subscriptions). Checked before
/// execution because the executer and the depth rule treat a missing root type as a server fault.
/// </summary>
internal static class OperationTypeCheck
{
    public const string Code = "OPERATION_NOT_SUPPORTED";

    /// <summary>A subscription sent over HTTP, to a schema that has subscriptions.</summary>
    public static RequestError SubscriptionOverHttp { get; } = RequestError.BadRequest("SUBSCRIPTION_NEEDS_WEBSOCKET",
        "Subscriptions are served over WebSocket at this path with the graphql-transport-ws protocol (graphql-ws "
        + "clients); over HTTP, page the changes query from your last cursor instead.");

    /// <summary>
    /// True when the request's document parses and selects a subscription. Parsed apart from the endpoint's parse,
    /// which comes after the token (its cache is per contract): only for a client that accepts no JSON.
    /// </summary>
    public static bool IsSubscription(GraphQLHttpRequest request) =>
        DocumentParser.Parse(request.Query).Document is { } document
        && Selected(document, request.OperationName) == OperationType.Subscription;

    /// <summary>The selected operation's type; null when the document selects none (validation says why).</summary>
    public static OperationType? Selected(GraphQLDocument document, string? operationName) =>
        SelectedOperation(document, operationName)?.Operation;

    /// <summary>The operation the request runs; null when the document selects none.</summary>
    public static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    public static RequestError? Refusal(GraphQLDocument document, string? operationName, ISchema schema) =>
        operationName is not null && SelectedOperation(document, operationName) is null
            ? NoOperationNamed(document, operationName)
            : Selected(document, operationName) switch
        {
            OperationType.Mutation when schema.Mutation is null => RequestError.BadRequest(Code,
                "This department's schema has no mutations: only the regulators record facts. Send queries."),
            OperationType.Subscription when schema.Subscription is null => RequestError.BadRequest(Code,
                "This department's schema has no subscriptions: send queries (and poll) instead."),
            _ => null,
        };

    /// <summary>
    /// The library's own message quoted the whole name (up to the 2,000-character cut); this one quotes its start
    /// and names the operations the document has, which is what the caller needs to fix the request.
    /// </summary>
    private static RequestError NoOperationNamed(GraphQLDocument document, string operationName)
    {
        var names = document.Definitions.OfType<GraphQLOperationDefinition>()
            .Select(o => o.Name is null ? "(anonymous)" : Quoted.Start(o.Name.StringValue)).Take(10).ToList();
        return RequestError.BadRequest("INVALID_OPERATION_NAME",
            $"The document has no operation named '{Quoted.Start(operationName)}'; its operations: "
            + $"{string.Join(", ", names)}.");
    }
}
