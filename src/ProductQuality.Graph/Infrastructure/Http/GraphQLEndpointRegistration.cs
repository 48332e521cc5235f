using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Explorer;
using ProductQuality.Graph.Explorer.Map;
using ProductQuality.Graph.Infrastructure.Http.Limits;
using ProductQuality.Graph.Infrastructure.WebSockets;
using ProductQuality.Graph.Operations.Telemetry;
using ProductQuality.Graph.Receipts;
using ProductQuality.Graph.Schema;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// Composition of the GraphQL layer: GraphQL.NET services, the per-contract schemas and the HTTP endpoint.
/// </summary>
public static class GraphQLEndpointRegistration
{
    private static bool IsPath(string? path) =>
        path is { Length: > 1 and <= 200 } && path[0] == '/' && !path.EndsWith('/')
        && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
        && !path.Contains("//", StringComparison.Ordinal);

    public static IHostApplicationBuilder AddProductQualityGraph(this IHostApplicationBuilder builder)
    {
        // A path without its leading slash passed the start and then crashed mapping the IDE (ArgumentException).
        builder.AddCheckedOptions<GraphQLHttpOptions>(GraphQLHttpOptions.Section)
            .ValidateSettingAnnotations(GraphQLHttpOptions.Section)
            .Validate(o => IsPath(o.Path), "Setting GraphQL:Path is not allowed: it must start with / and be a path "
                + "such as /graphql or /api/graphql (letters, digits, '-', '_', '.' and '/', no trailing /).")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GraphQLHttpOptions>, ServerPaths.Validation>();
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<GraphQLHttpOptions>>((kestrel, graphQL) =>
            {
                KestrelRequestReading.Configure(kestrel, graphQL.Value);
                ConnectionLimits.Configure(kestrel, graphQL.Value);
            });

        var exposeDetails = builder.Configuration.GetValue<bool>(
            $"{GraphQLHttpOptions.Section}:{nameof(GraphQLHttpOptions.ExposeExceptionDetails)}");
        builder.Services.AddGraphQL(graphQL => graphQL
            // Chinese names stay readable in responses; the relaxed encoder is safe for JSON bodies (never embedded in
            // HTML). Results are written by our converter (the library adds its own only when none is there).
            .AddSystemTextJson(json =>
            {
                json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
                json.Converters.Add(new ExecutionResultWriter());
            })
            // One DbContext per request is not thread-safe: resolve queries serially; batching keeps it fast.
            .AddExecutionStrategy<ReadExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            .AddExecutionStrategy<Recording.WriteExecutionStrategy>(GraphQLParser.AST.OperationType.Mutation)
            .AddErrorInfoProvider(services => new DomainErrorInfoProvider(new ErrorInfoProviderOptions
            {
                ExposeExceptionDetails = exposeDetails,
                ExposeCodes = false,
                ExposeData = true,
            }, services.GetRequiredService<IHttpContextAccessor>()))
            .AddUnhandledExceptionHandler(ExecutionFaults.HandleAsync));
        builder.Services.Replace(ServiceDescriptor.Singleton<IDocumentValidator, ValidatedDocumentValidator>());

        builder.AddCheckReceipts();
        builder.AddAccessLog();
        builder.Services.AddQueryLimits(builder.Configuration);
        UnknownSettings.Record<QueryLimitsOptions>(builder, QueryLimitsOptions.Section);
        builder.Services.AddExplorer();
        builder.AddFourColourMapPage();
        builder.AddGraphQLWebSockets();
        builder.AddCrossOrigin();
        builder.Services.AddSingleton<DocumentCache>();
        builder.Services.AddSingleton<SchemaRegistry>();
        builder.Services.AddSingleton<CursorKeys>();
        builder.Services.AddSingleton<GraphQLEndpoint>();
        builder.Services.AddSingleton<UnhandledErrorGuard>();
        QueryServices.Register(builder.Services);
        return builder;
    }

    // As routing matches them: in any case, with or without a trailing slash.
    internal static bool SamePath(PathString request, string path) =>
        string.Equals(request.Value?.TrimEnd('/'), path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    public static WebApplication MapProductQualityGraph(this WebApplication app)
    {
        var path = app.Services.GetRequiredService<IOptions<GraphQLHttpOptions>>().Value.Path;
        // CORS for what partners' pages may call, the endpoint and the contract download, and nothing else: applied
        // to every route, an allowed origin ('*' above all) could read the metrics and call the IDE's development
        // sign-in, which mints tokens.
        var contractDownload = Explorer.IdeSettings.For(path, developmentSignIn: false).SchemaUrl;
        app.UseWhen(h => SamePath(h.Request.Path, path) || SamePath(h.Request.Path, contractDownload),
            cors => cors.UseCors());
        app.UseWebSockets();
        app.MapMethods(path, [HttpMethods.Get, HttpMethods.Post],
            (HttpContext http, GraphQLEndpoint endpoint, GraphQLWebSocketEndpoint webSockets,
                UnhandledErrorGuard guard, GraphQLMetrics metrics, AccessLogging log) =>
            {
                if (http.WebSockets.IsWebSocketRequest || GraphQLWebSocketEndpoint.AsksUpgrade(http.Request))
                {
                    return guard.RunAsync(http, webSockets.HandleAsync);
                }

                // One address answers the IDE or a result by the Accept header: caches must keep them apart. Appended:
                // the CORS middleware may already vary by Origin.
                http.Response.Headers.Append(HeaderNames.Vary, "Accept");

                // An answer holds what one caller's token may read: no cache (a shared workstation's browser
                // included) keeps it.
                http.Response.Headers.CacheControl = "no-store";
                return IdePage.IsBrowserNavigation(http.Request) ? ExplorerRegistration.WriteIdeAsync(http, path)
                    : metrics.MeasureAsync(http, h => log.RunAsync(h, l => guard.RunAsync(l, endpoint.HandleAsync)));
            });
        app.MapExplorer(path);
        app.MapCheckReceiptKeys();
        // Logged like every other request to the endpoint: a PUT of a document is a request refused.
        app.Map(path, (HttpContext http, AccessLogging log) => log.RunAsync(http, h =>
        {
            h.Response.Headers.Allow = "GET, HEAD, POST";
            return TransportErrorWriter.WriteAsync(h, new RequestError(StatusCodes.Status405MethodNotAllowed,
                "METHOD_NOT_ALLOWED", $"'{Quoted.Start(h.Request.Method, 20)}' is not allowed on {path}: send "
                + "GraphQL with GET (queries) or POST."), MediaTypes.Json);
        }));
        return app;
    }
}
