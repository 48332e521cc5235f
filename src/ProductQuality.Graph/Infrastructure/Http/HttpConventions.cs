using Microsoft.AspNetCore.WebUtilities;

namespace ProductQuality.Graph.Infrastructure.Http;

/// <summary>
/// HTTP conventions every address keeps, not only the GraphQL endpoint: an error answered without a body (routing's
/// 404 and 405, a health or metrics refusal) gets the same JSON error as the endpoint's, with a code and the request
/// id; and HEAD is answered wherever GET is (RFC 9110 §9.1), for uptime checkers and <c>curl -I</c>.
/// </summary>
internal static class HttpConventions
{
    /// <summary>Paths are quoted longer than other input: the start of a wrong address is most of it.</summary>
    private const int LongestEcho = 100;

    public static WebApplication UseHttpConventions(this WebApplication app, string graphQLPath)
    {
        // Routing sees the GET a HEAD stands for; what the GET would write goes nowhere, headers stay (so the access
        // log records a HEAD as its GET: the headers are computed from the same data).
        app.Use((http, next) =>
        {
            // Every answer is what its Content-Type says (JSON, SDL as text, GeoJSON, the pages): no browser guesses.
            http.Response.Headers.XContentTypeOptions = "nosniff";
            if (HttpMethods.IsHead(http.Request.Method))
            {
                http.Request.Method = HttpMethods.Get;
                http.Response.Body = Stream.Null;
            }

            return next(http);
        });
        // Routing chooses the endpoint here, after the rewrite (by default it would run first and see HEAD).
        app.UseRouting();
        app.UseStatusCodePages(context => WriteAsync(context.HttpContext, graphQLPath));

        // A WebSocket upgrade anywhere but the endpoint: at an address that serves a page or a probe (/map,
        // /health/live) the GET answered it with 200 and the page, which no WebSocket client reads (the probe of
        // recent changes). It is the 404 that tells where GraphQL over WebSocket is, as at any other address.
        app.Use((http, next) =>
        {
            if (WebSockets.GraphQLWebSocketEndpoint.AsksUpgrade(http.Request)
                && !GraphQLEndpointRegistration.SamePath(http.Request.Path, graphQLPath))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(http);
        });
        return app;
    }

    private static Task WriteAsync(HttpContext http, string graphQLPath)
    {
        var status = http.Response.StatusCode;
        var path = Echo(http.Request.Path.Value ?? "/");
        var message = status switch
        {
            // A WebSocket client at /subscriptions or /graphql/ws was told where GraphQL over HTTP is.
            StatusCodes.Status404NotFound when WebSockets.GraphQLWebSocketEndpoint.AsksUpgrade(http.Request) =>
                $"Nothing is served at '{path}'. {WebSockets.GraphQLWebSocketEndpoint.WhereItIs(graphQLPath)}",
            StatusCodes.Status404NotFound =>
                $"Nothing is served at '{path}'. GraphQL is at {graphQLPath} (POST, or GET for queries); "
                + "a browser opening it gets the IDE.",
            // A client pointed at the bare host ('POST /') was told only the methods allowed there.
            StatusCodes.Status405MethodNotAllowed =>
                $"'{Echo(http.Request.Method)}' is not allowed on '{path}'; allowed: {Allowed(http)}."
                + (path == graphQLPath ? "" : $" GraphQL is at {graphQLPath} (POST, or GET for queries)."),
            _ => $"{ReasonPhrases.GetReasonPhrase(status)} ('{path}').",
        };
        return TransportErrorWriter.WriteAsync(
            http, new RequestError(status, CodeOf(status), message), MediaTypes.Json);
    }

    /// <summary>The status's reason phrase as a code: 404 NOT_FOUND, 405 METHOD_NOT_ALLOWED.</summary>
    private static string CodeOf(int status) =>
        ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase
            ? phrase.ToUpperInvariant().Replace(' ', '_').Replace("-", "", StringComparison.Ordinal)
            : $"HTTP_{status}";

    /// <summary>The methods routing allows, HEAD added beside GET (answered wherever GET is, above).</summary>
    private static string Allowed(HttpContext http)
    {
        var allow = http.Response.Headers.Allow.ToString();
        if (allow.Length == 0)
        {
            return "see the README";
        }

        var methods = allow.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (methods.Contains(HttpMethods.Get) && !methods.Contains(HttpMethods.Head))
        {
            methods.Insert(methods.IndexOf(HttpMethods.Get) + 1, HttpMethods.Head);
            http.Response.Headers.Allow = string.Join(", ", methods);
        }

        return http.Response.Headers.Allow.ToString();
    }

    private static string Echo(string text) => Quoted.Start(text, LongestEcho);
}
