using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Data;
using ProductQuality.Graph.Infrastructure.Http.Limits;
using ProductQuality.Graph.Operations.Telemetry;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// The GraphQL over HTTP endpoint: GET for queries, POST with JSON; the status codes and media types of the
/// specification (including its SHOULDs); parsed and validated documents cached per contract.
/// </summary>
internal sealed class GraphQLEndpoint(
    IDocumentExecuter executer,
    IGraphQLTextSerializer serializer,
    SchemaRegistry schemas,
    DocumentCache cache,
    IAudienceResolver audiences,
    QueryLimits limits,
    IOptions<GraphQLHttpOptions> options)
{
    private readonly GraphQLHttpOptions _options = options.Value;
    private readonly IValidationRule[] _rules = ValidationRules.For(options.Value);

    public async Task HandleAsync(HttpContext http)
    {
        // The caller first: the token is a header, so every later refusal (a body that is not JSON, an Accept
        // nothing here speaks) is logged with its department and counted against its rate, not as the public's.
        var trace = http.Features.Get<AccessTrace>();
        var (audience, refusal) = await audiences.ResolveAsync(http);
        var negotiated = MediaTypes.Negotiate(http.Request);
        if (audience is null)
        {
            trace?.Claimed = refusal!.Claimed;
            // A refusal that is the server's (503, the identity provider away) is not counted against the address.
            var refused = refusal!.ChallengeOn(http.Response);
            await (refused.Status >= StatusCodes.Status500InternalServerError
                ? TransportErrorWriter.WriteAsync(http, refused, negotiated ?? MediaTypes.Json)
                : limits.RefuseUnidentifiedAsync(http, refused, negotiated ?? MediaTypes.Json));
            return;
        }

        RequestTelemetry.Of(http)?.Identified(audience.Department);
        if (trace is not null)
        {
            trace.Audience = audience;
        }

        // The rate next: a request refused for its body, its media type or its purpose counts too.
        if (await limits.RefuseRateAsync(http, audience, negotiated ?? MediaTypes.Json))
        {
            return;
        }

        // graphql-sse clients accept text/event-stream alone. A subscription among them is told, as any subscription
        // over HTTP is, where subscriptions are served: so the request is read before it is refused, and anything
        // else is the 406 it was. The answers are application/json, as the 406's body is.
        var streamOnly = negotiated is null && MediaTypes.AcceptsEventStream(http.Request);
        if (negotiated is null && !streamOnly)
        {
            await TransportErrorWriter.WriteAsync(http, NotAcceptable, MediaTypes.Json);
            return;
        }

        var mediaType = negotiated ?? MediaTypes.Json;
        // A refused document answers 200 only to a client that asked for legacy application/json (ForDocument).
        var documentMediaType = streamOnly ? MediaTypes.GraphQLResponse : mediaType;
        var isGet = HttpMethods.IsGet(http.Request.Method);
        var (request, error) = await ReadAsync(http.Request, isGet);
        if (streamOnly && (error is not null || !OperationTypeCheck.IsSubscription(request!)))
        {
            error = NotAcceptable;
        }

        if (error is not null)
        {
            if (trace is not null)
            {
                error.Sent?.NoteIn(trace, _options.MaxDocumentLength);
            }

            await TransportErrorWriter.WriteAsync(http, error, mediaType);
            return;
        }

        trace?.Request(request!.Query, request.VariablesJson, request.OperationName);
        if (Purposes.Refusal(http, audience, trace, request!.Query, request.OperationName) is { } purposeRefusal)
        {
            NameRefused(trace, audience, request!);
            await TransportErrorWriter.WriteAsync(http, purposeRefusal, mediaType);
            return;
        }

        // From here the request uses the server: a department's burst waits for its own running requests.
        using var place = await limits.EnterAsync(http, audience, mediaType);
        if (place is null)
        {
            NameRefused(trace, audience, request!);
            return;
        }

        var contract = audience.Contract.Name;
        var schema = schemas.For(audience.Contract);
        var cached = cache.Find(contract, request!.OperationName, request.Query);
        var (document, parseError) = cached is null ? DocumentParser.Parse(request.Query) : (cached, null);
        if (document is null)
        {
            await TransportErrorWriter.WriteAsync(http, parseError!.ForDocument(documentMediaType), mediaType);
            return;
        }

        if (cached is null && FragmentCycleCheck.Refusal(document) is { } cycle)
        {
            await TransportErrorWriter.WriteAsync(http, cycle.ForDocument(documentMediaType), mediaType);
            return;
        }

        var selected = OperationTypeCheck.SelectedOperation(document, request.OperationName);
        RequestTelemetry.Of(http)?.Selected(selected);
        trace?.Runs(selected);
        var operationType = OperationTypeCheck.Selected(document, request.OperationName);
        if (isGet && operationType == OperationType.Mutation)
        {
            http.Response.Headers.Allow = "POST";
            await TransportErrorWriter.WriteAsync(http, new RequestError(StatusCodes.Status405MethodNotAllowed,
                "METHOD_NOT_ALLOWED", "Mutations are only accepted over POST."), mediaType);
            return;
        }

        // A subscription is a stream: HTTP answers once. Say where it is served instead of failing it later.
        if (operationType == OperationType.Subscription && schema.Subscription is not null)
        {
            await TransportErrorWriter.WriteAsync(http,
                OperationTypeCheck.SubscriptionOverHttp.ForDocument(documentMediaType), mediaType);
            return;
        }

        if (OperationTypeCheck.Refusal(document, request.OperationName, schema) is { } unsupported)
        {
            await TransportErrorWriter.WriteAsync(http, unsupported.ForDocument(documentMediaType), mediaType);
            return;
        }

        var (variables, variablesError) = InputsReader.Read(serializer, request.VariablesJson, "variables",
            OperationTypeCheck.SelectedOperation(document, request.OperationName));
        var (extensions, extensionsError) = InputsReader.Read(serializer, request.ExtensionsJson, "extensions");
        // The variables are JSON already (the reader checked): a value no input can take is refused as the library's
        // own coercion errors are, 200 under legacy application/json. Extensions are the request's, not the document's.
        if ((variablesError?.ForDocument(documentMediaType) ?? extensionsError) is { } inputsError)
        {
            await TransportErrorWriter.WriteAsync(http, inputsError, mediaType);
            return;
        }

        if (await limits.RefuseDocumentAsync(
            http, document, request.OperationName, variables, schema, audience, mediaType))
        {
            return;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var waits = DatabaseWaits.Begin(limits.Timeout);
        // One database connection for all the request's statements, closed once it has run (before its answer waits
        // for the access log's commit).
        var user = new GraphQLUserContext(audience)
        {
            RequestId = http.TraceIdentifier, AccessTrace = trace, HoldsDbConnection = true,
        };
        var result = await user.ExecuteAsync(executer, new ExecutionOptions
        {
            Schema = schema,
            Query = request.Query,
            Document = document,
            OperationName = request.OperationName,
            Variables = variables,
            Extensions = extensions,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
            Timeout = limits.Timeout,
            ValidationRules = cached is null ? _rules : [],
        });

        if (await limits.RefuseTimedOutAsync(http, result, System.Diagnostics.Stopwatch.GetElapsedTime(started),
            mediaType, audience, waits, isWrite: operationType == OperationType.Mutation))
        {
            return;
        }

        // A table or column missing (or a newer release's schema) is the server's state, not a field's: 503 for the
        // whole answer, with the sentence the fault handler chose, naming a write committed before it (the access
        // log's refusal does the same).
        if (result.Errors?.Any(e => e.Code == ErrorCodes.DatabaseNotMigrated) == true)
        {
            var committed = trace?.CommittedWritesSentence() ?? "";
            var sentence = user.NotMigratedSentence ?? SchemaNotMigrated.Message;
            await TransportErrorWriter.WriteAsync(http, new RequestError(StatusCodes.Status503ServiceUnavailable,
                    ErrorCodes.DatabaseNotMigrated, sentence + committed),
                mediaType, moreExtensions: trace is null ? null : trace.WriteCommittedWrites);
            return;
        }

        RequestTelemetry.Of(http)?.Completed(result);
        limits.CapErrors(result);
        trace?.Answered(result);
        if (cached is null && result.Executed)
        {
            cache.AddValidated(contract, request.OperationName, request.Query, document);
        }

        http.Response.StatusCode = StatusOf(result, mediaType);
        if (http.Response.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterHeader;
        }

        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static readonly RequestError NotAcceptable = new(StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
        $"Accept must allow {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");

    /// <summary>
    /// A request refused before its document is read (its purpose, no place to run) is logged under the operation
    /// the document names, as an answered one is, when the request names none and the document has exactly one.
    /// </summary>
    private void NameRefused(AccessTrace? trace, Audience audience, GraphQLHttpRequest request)
    {
        if (trace is not null)
        {
            SentRequest.NameOperation(trace, request.Query, request.OperationName, _options.MaxDocumentLength,
                query => cache.Find(audience.Contract.Name, null, query));
        }
    }

    // Says what came, and for a bare document (curl users, application/graphql) how to wrap it.
    private static string UnsupportedMediaType(string? contentType)
    {
        const string Wrap = "POST a JSON object such as {\"query\": \"{ __typename }\"} with Content-Type: "
            + "application/json (UTF-8)";
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return $"The request has no Content-Type: {Wrap}.";
        }

        var sent = Quoted.Start(contentType);
        var mediaType = contentType.Split(';')[0].Trim();
        return MediaTypes.IsMalformed(contentType)
            ? $"The body's Content-Type '{sent}' is not a media type with parameters (type/subtype; name=value): "
                + $"{Wrap}."
            : MediaTypes.RepeatsCharset(contentType)
            ? $"The body's Content-Type '{sent}' names its charset more than once: send charset=utf-8 once, or none."
            : mediaType.Equals("application/graphql", StringComparison.OrdinalIgnoreCase)
            ? $"A bare GraphQL document ('{sent}') is not accepted: put the document in the 'query' member and "
                + $"{Wrap}."
            : mediaType.Equals(MediaTypes.Json, StringComparison.OrdinalIgnoreCase)
                ? $"The body's Content-Type is '{sent}': JSON is read as UTF-8 only; send charset=utf-8 or none."
                : $"The body's Content-Type is '{sent}': {Wrap}.";
    }

    private async Task<(GraphQLHttpRequest? Request, RequestError? Error)> ReadAsync(HttpRequest request, bool isGet)
    {
        if (isGet)
        {
            return GraphQLRequestReader.FromQueryString(request, _options);
        }

        if (!MediaTypes.IsJsonContent(request))
        {
            return (null, new RequestError(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                UnsupportedMediaType(request.ContentType)));
        }

        return MediaTypes.BodyCodingRefusal(request) is { } encoded
            ? (null, encoded)
            : await GraphQLRequestReader.FromBodyAsync(request, _options);
    }

    /// <summary>
    /// The spec: with application/graphql-response+json, a response without data (the request failed before
    /// execution: unknown field, bad variable, ...) is a 4xx; legacy application/json always answers 200.
    /// A server fault before execution is no fault of the request: 500, with its code and request id; a database that
    /// could not answer before execution is 503 with Retry-After.
    /// </summary>
    private static int StatusOf(ExecutionResult result, string mediaType) =>
        result.Executed ? StatusCodes.Status200OK
        : result.Errors?.Any(e => e.Code == ErrorCodes.DatabaseUnavailable) == true
            ? StatusCodes.Status503ServiceUnavailable
        : result.Errors?.Any(e => e.Code == ErrorCodes.InternalError) == true ? StatusCodes.Status500InternalServerError
        : mediaType == MediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest
        : StatusCodes.Status200OK;
}
