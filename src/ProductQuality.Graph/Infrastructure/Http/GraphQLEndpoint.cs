using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Infrastructure.Http.Limits;
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
    private readonly IValidationRule[] _rules =
    [
        .. DocumentValidator.CoreRules,
        new ComplexityValidationRule(new ComplexityOptions { MaxDepth = options.Value.MaxDepth }),
    ];

    public async Task HandleAsync(HttpContext http)
    {
        var mediaType = MediaTypes.Negotiate(http.Request);
        if (mediaType is null)
        {
            await TransportErrorWriter.WriteAsync(http, new RequestError(StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
                $"Accept must allow {MediaTypes.GraphQLResponse} or {MediaTypes.Json}."), MediaTypes.Json);
            return;
        }

        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!isGet && !MediaTypes.IsJsonContent(http.Request))
        {
            await TransportErrorWriter.WriteAsync(http, new RequestError(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                "POST a body with Content-Type: application/json (UTF-8)."), mediaType);
            return;
        }

        var (request, error) = isGet
            ? GraphQLRequestReader.FromQueryString(http.Request, _options)
            : await GraphQLRequestReader.FromBodyAsync(http.Request, _options);
        if (error is not null)
        {
            await TransportErrorWriter.WriteAsync(http, error, mediaType);
            return;
        }

        var (audience, refusal) = await audiences.ResolveAsync(http);
        if (audience is null)
        {
            if (refusal!.WwwAuthenticate is { } challenge)
            {
                http.Response.Headers.WWWAuthenticate = challenge;
            }

            await TransportErrorWriter.WriteAsync(http, new RequestError(refusal.Status, refusal.Code, refusal.Message), mediaType);
            return;
        }

        if (await limits.RefuseRateAsync(http, audience, mediaType))
        {
            return;
        }

        var contract = audience.Contract.Name;
        var cached = cache.Find(contract, request!.OperationName, request.Query);
        GraphQLDocument document;
        try
        {
            document = cached ?? GraphQLParser.Parser.Parse(request.Query);
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            await TransportErrorWriter.WriteAsync(http, RequestError.BadRequest("SYNTAX_ERROR",
                $"The GraphQL document does not parse: {ex.Description} (line {ex.Location.Line}, column {ex.Location.Column})."), mediaType);
            return;
        }

        if (isGet && IsMutation(document, request.OperationName))
        {
            http.Response.Headers.Allow = "POST";
            await TransportErrorWriter.WriteAsync(http, new RequestError(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
                "Mutations are only accepted over POST."), mediaType);
            return;
        }

        Inputs? variables;
        try
        {
            variables = request.VariablesJson is null ? null : serializer.Deserialize<Inputs>(request.VariablesJson);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            await TransportErrorWriter.WriteAsync(http, RequestError.BadRequest("INVALID_VARIABLES",
                $"The variables could not be read: {ex.Message}"), mediaType);
            return;
        }

        var schema = schemas.For(audience.Contract);
        if (await limits.RefuseDocumentAsync(
            http, document, request.OperationName, variables, schema, audience, mediaType))
        {
            return;
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = request.Query,
            Document = document,
            OperationName = request.OperationName,
            Variables = variables,
            Extensions = request.ExtensionsJson is null ? null : serializer.Deserialize<Inputs>(request.ExtensionsJson),
            UserContext = new GraphQLUserContext(audience),
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
            Timeout = limits.Timeout,
            ValidationRules = cached is null ? _rules : [],
        });

        if (await limits.RefuseTimedOutAsync(http, result, mediaType))
        {
            return;
        }

        limits.CapErrors(result);
        if (cached is null && result.Executed)
        {
            cache.AddValidated(contract, request.OperationName, request.Query, document);
        }

        // The spec: with application/graphql-response+json, a response without data (the request failed before
        // execution: unknown field, bad variable, ...) is a 4xx; legacy application/json always answers 200.
        http.Response.StatusCode = mediaType == MediaTypes.GraphQLResponse && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static bool IsMutation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return operation is not null && operation.Operation != OperationType.Query;
    }
}
