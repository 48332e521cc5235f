using System.Text.Json;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Infrastructure.Http;
using ProductQuality.Graph.Infrastructure.Http.Limits;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// Runs the operation of one <c>subscribe</c> message through the same checks as an HTTP request — the request
/// object's shape, the document's size and parse, fragment cycles, the department's schema and root types, the
/// request rate, the document limits and cost budget, validation — and then GraphQL.NET: a subscription answers a
/// stream, a query one result. Mutations stay on HTTP POST, where their idempotency keys and answers belong.
/// </summary>
internal sealed class OperationRunner(
    IDocumentExecuter executer,
    IGraphQLTextSerializer serializer,
    SchemaRegistry schemas,
    QueryLimits limits,
    IOptions<GraphQLHttpOptions> options)
{
    private readonly GraphQLHttpOptions _options = options.Value;
    private readonly IValidationRule[] _rules = ValidationRules.For(options.Value);

    /// <summary>Notes an operation's document in its trace without running it (a refused duplicate id).</summary>
    public void Note(JsonElement? payload, AccessTrace? trace)
    {
        if (trace is null || payload is not { ValueKind: JsonValueKind.Object } body)
        {
            return;
        }

        var (request, _) = GraphQLRequestReader.FromJson(body, _options);
        if (request is not null)
        {
            trace.Request(request.Query, request.VariablesJson, request.OperationName);
        }
    }

    public async Task<OperationStart> StartAsync(
        JsonElement? payload, Audience audience, AccessTrace? trace, HttpContext http, IServiceProvider services,
        EventBacklog backlog, CancellationToken cancel)
    {
        // The rate first, as over HTTP: every operation counts, refused ones too — each is an access-log entry, and
        // a connection sending broken subscribes must not write them without limit.
        if (limits.CheckRate(http, audience) is { } overRate)
        {
            trace?.Unlogged = overRate.Unlogged;
            return OperationStart.Refused(overRate);
        }

        if (payload is not { ValueKind: JsonValueKind.Object } body)
        {
            return OperationStart.Refused("INVALID_REQUEST",
                "A subscribe message needs a payload object such as {\"query\": \"subscription { ... }\"}.");
        }

        var (request, error) = GraphQLRequestReader.FromJson(body, _options);
        if (error is not null)
        {
            if (trace is not null)
            {
                error.Sent?.NoteIn(trace, _options.MaxDocumentLength);
            }

            return OperationStart.Refused(error);
        }

        trace?.Request(request!.Query, request.VariablesJson, request.OperationName);

        // The purpose is the upgrade request's X-Purpose header; a department that must state one is refused without.
        if (Purposes.Refusal(http, audience, trace, request!.Query, request.OperationName) is { } purposeRefusal)
        {
            return OperationStart.Refused(purposeRefusal);
        }

        var schema = schemas.For(audience.Contract);
        var (document, parseError) = DocumentParser.Parse(request!.Query);
        if (document is null)
        {
            return OperationStart.Refused(parseError!);
        }

        if (FragmentCycleCheck.Refusal(document) is { } cycle)
        {
            return OperationStart.Refused(cycle);
        }

        // As over HTTP, the entry names the document's one operation when the client sent no operationName (the
        // graphql-ws client's subscribe({ query }) sends none).
        trace?.Runs(OperationTypeCheck.SelectedOperation(document, request.OperationName));
        if (OperationTypeCheck.Refusal(document, request.OperationName, schema) is { } refusal)
        {
            return OperationStart.Refused(refusal);
        }

        if (OperationTypeCheck.Selected(document, request.OperationName) == OperationType.Mutation)
        {
            return OperationStart.Refused("MUTATION_OVER_WEBSOCKET",
                "Mutations are accepted over HTTP POST only (with their idempotency keys); use WebSocket for "
                + "subscriptions and queries.");
        }

        var (variables, variablesError) = InputsReader.Read(serializer, request.VariablesJson, "variables",
            OperationTypeCheck.SelectedOperation(document, request.OperationName));
        var (extensions, extensionsError) = InputsReader.Read(serializer, request.ExtensionsJson, "extensions");
        if ((variablesError ?? extensionsError) is { } inputsError)
        {
            return OperationStart.Refused(inputsError);
        }

        if (limits.CheckDocument(document, request.OperationName, variables, schema, audience, out var cost)
            is { } limited)
        {
            return OperationStart.Refused(limited);
        }

        var isSubscription = OperationTypeCheck.Selected(document, request.OperationName) == OperationType.Subscription;
        // A query takes a place among the caller's requests executing at once, as over HTTP; a subscription holds
        // none while it waits for events.
        var (place, busy) = isSubscription ? (null, null) : await limits.TakePlaceAsync(http, audience, cancel);
        if (busy is not null)
        {
            return OperationStart.Refused(busy);
        }

        using var held = place;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var waits = isSubscription ? null : Data.DatabaseWaits.Begin(limits.Timeout);
        // A query holds one database connection for its statements, as over HTTP; a subscription does not (it would
        // keep a connection out of the pool for as long as its client listens).
        var user = new GraphQLUserContext(audience)
        {
            RequestId = http.TraceIdentifier, AccessTrace = trace, EventBacklog = backlog,
            HoldsDbConnection = !isSubscription,
        };
        var result = await user.ExecuteAsync(executer, new ExecutionOptions
        {
            Schema = schema,
            Query = request.Query,
            Document = document,
            OperationName = request.OperationName,
            Variables = variables,
            Extensions = extensions,
            RequestServices = services,
            CancellationToken = cancel,
            // A subscription lives as long as its client wants it; a query over WebSocket has the HTTP deadline.
            Timeout = isSubscription ? Timeout.InfiniteTimeSpan : limits.Timeout,
            ValidationRules = _rules,
        });

        // A query stopped at the deadline is refused as over HTTP (QUERY_TIMEOUT, LIMITED, or DATABASE_UNAVAILABLE when
        // the database held it up), not GraphQL.NET's TIMEOUT.
        if (!isSubscription
            && await limits.CheckTimedOutAsync(result, System.Diagnostics.Stopwatch.GetElapsedTime(started), waits,
                isWrite: false, cost, audience) is { } timedOut)
        {
            return OperationStart.Refused(timedOut);
        }

        // Refused before execution, or a subscription whose stream could not start (a bad cursor, an empty 'kinds'):
        // both are the protocol's error message, not an event.
        if (!result.Executed || (isSubscription && result.Streams is not { Count: > 0 }))
        {
            return OperationStart.Failed(result);
        }

        limits.CapErrors(result);
        return result.Streams is { Count: > 0 } streams
            ? OperationStart.Stream(streams.Values.First())
            : OperationStart.Single(result);
    }
}

/// <summary>How an operation started: refused before execution, failed validation, one result, or a stream.</summary>
internal sealed record OperationStart(
    string? Code, string? Message, ExecutionResult? Result, IObservable<ExecutionResult>? Events, bool IsError,
    int Status = StatusCodes.Status400BadRequest, IReadOnlyList<KeyValuePair<string, long>>? Facts = null)
{
    /// <summary>A limit's refusal with its numbers (<c>retryAfterSeconds</c>, <c>limit</c>, …), as over HTTP.</summary>
    public static OperationStart Refused(LimitRefusal refusal) =>
        new(refusal.Code, refusal.Message, null, null, true, refusal.Status, refusal.Facts);

    public static OperationStart Refused(string code, string message) => new(code, message, null, null, true);

    /// <summary>A refusal with the HTTP status the same refusal has over HTTP, for the access log's outcome.</summary>
    public static OperationStart Refused(RequestError error) =>
        new(error.Code, error.Message, null, null, true, error.Status);

    /// <summary>Refused or failed before any result: answered with the protocol's <c>error</c> message.</summary>
    public static OperationStart Failed(ExecutionResult result) => new(null, null, result, null, true);

    public static OperationStart Single(ExecutionResult result) => new(null, null, result, null, false);

    public static OperationStart Stream(IObservable<ExecutionResult> events) => new(null, null, null, events, false);
}
