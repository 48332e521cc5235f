using Microsoft.Extensions.FileProviders;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Explorer.Map;
using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Explorer;

/// <summary>
/// The developer's side of the endpoint: the IDE at <c>{path}</c> for a browser, its files under <c>{path}/ide/</c>
/// (embedded, never from a CDN), sign-in, examples, the contract download, and <c>/</c> leading to the IDE.
/// </summary>
public static class ExplorerRegistration
{
    public static IServiceCollection AddExplorer(this IServiceCollection services)
    {
        services.AddSingleton<ExampleCatalogue>();
        services.AddSingleton<ContractDownload>();
        return services;
    }

    public static void MapExplorer(this WebApplication app, string graphQLPath)
    {
        ArgumentNullException.ThrowIfNull(app);
        var developmentSignIn = DevelopmentSignIn.IsAvailable(app.Services, app.Environment);
        var settings = IdeSettings.For(graphQLPath, developmentSignIn);
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = settings.AssetsPath,
            FileProvider = new EmbeddedFileProvider(
                typeof(ExplorerRegistration).Assembly, typeof(IdePage).Namespace + ".Assets"),
            // Files change only with a new build; an hour of caching keeps reloads fast and a new version close.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });

        app.MapGet(settings.SessionUrl, (HttpContext http, IAudienceResolver audiences, AccessPolicy policy) =>
            ExplorerSession.HandleAsync(http, audiences, policy, developmentSignIn));
        // A county bureau's examples read the database: an outage is answered 503 like any other request's.
        app.MapGet(settings.ExamplesUrl, (HttpContext http, UnhandledErrorGuard guard,
                IAudienceResolver audiences, ExampleCatalogue examples, Data.ProductQualityDbContext db) =>
            guard.RunAsync(http, h => ExampleEndpoint.HandleAsync(h, audiences, examples, db)));
        app.MapGet(settings.SchemaUrl, (HttpContext http, ContractDownload download) => download.HandleAsync(http));
        if (developmentSignIn)
        {
            app.MapPost(settings.DevelopmentSignInUrl!,
                (HttpContext http, AccessPolicy policy, DevelopmentTokenIssuer issuer) =>
                DevelopmentSignIn.HandleAsync(http, policy, issuer));
        }

        app.MapFourColourMapPage(settings);

        // The old address and the bare host lead to the IDE, so a bookmark or a typed host name still works.
        app.MapGet("/", (HttpContext http) => ToGraphQL(http, graphQLPath));
        app.MapGet("/ui", (HttpContext http) => ToGraphQL(http, graphQLPath));
    }

    // A WebSocket client does not follow a redirect: it reported "unexpected response 302" (the protocol probe).
    private static Task ToGraphQL(HttpContext http, string graphQLPath)
    {
        if (!Infrastructure.WebSockets.GraphQLWebSocketEndpoint.AsksUpgrade(http.Request))
        {
            http.Response.Redirect(graphQLPath);
            return Task.CompletedTask;
        }

        return Infrastructure.Http.TransportErrorWriter.WriteAsync(http, new Infrastructure.Http.RequestError(
            StatusCodes.Status404NotFound, "NOT_FOUND",
            Infrastructure.WebSockets.GraphQLWebSocketEndpoint.WhereItIs(graphQLPath)),
            Infrastructure.Http.MediaTypes.Json);
    }

    /// <summary>
    /// Writes the IDE page; called by the endpoint for a browser's GET (see <see cref="IdePage.IsBrowserNavigation"/>).
    /// </summary>
    internal static Task WriteIdeAsync(HttpContext http, string graphQLPath) =>
        IdePage.WriteAsync(http, IdeSettings.For(graphQLPath,
            DevelopmentSignIn.IsAvailable(
                http.RequestServices, http.RequestServices.GetRequiredService<IHostEnvironment>())));
}
