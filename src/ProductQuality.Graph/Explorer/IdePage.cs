using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Explorer;

/// <summary>
/// The HTML shell of the IDE. Every script and style comes from the server itself (<see cref="ExplorerAssets"/>):
/// government networks often have no internet, and this is the page where departments paste bearer tokens, so the
/// Content-Security-Policy allows nothing but this origin (its WebSocket included). The page's settings travel in a
/// JSON data block, which browsers never execute, so no inline script is needed.
/// </summary>
internal static partial class IdePage
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; connect-src 'self'";

    /// <summary>
    /// A browser navigating to the endpoint (a GET whose Accept prefers text/html) wants the IDE, not a GraphQL
    /// error. A client that names a JSON type at least as high as text/html ("application/json, text/html;q=0",
    /// "text/html;q=0.1, application/graphql-response+json") gets JSON: listing text/html at all once sent it the
    /// page, whatever its preference.
    /// </summary>
    public static bool IsBrowserNavigation(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method))
        {
            return false;
        }

        double html = 0, json = 0;
        foreach (var value in request.GetTypedHeaders().Accept)
        {
            var quality = value.Quality ?? 1;
            if (value.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                html = Math.Max(html, quality);
            }
            else if (value.MediaType.Equals(MediaTypes.Json, StringComparison.OrdinalIgnoreCase)
                || value.MediaType.Equals(MediaTypes.GraphQLResponse, StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
        }

        return html > 0 && html > json;
    }

    public static Task WriteAsync(HttpContext http, IdeSettings settings)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy + WebSocketSources(http.Request.Host);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsync(Html(settings, http.Request.Query["query"].ToString()), http.RequestAborted);
    }

    /// <summary>
    /// The page's subscriptions open a WebSocket to this host (ws:// or wss://, as the page is http or https). CSP
    /// Level 3 counts such URLs as 'self', but not every browser in use does, so the origin is also named: both
    /// schemes, since behind a proxy that ends TLS the page is https while the request arrives as http. The Host is
    /// the client's text: only a plain host name or address and port go into the header, anything else (a ';' would
    /// start a directive of its own) leaves 'self' alone.
    /// </summary>
    private static string WebSocketSources(HostString host)
    {
        var authority = host.ToUriComponent();
        return HostAndPort().IsMatch(authority) ? $" ws://{authority} wss://{authority}" : "";
    }

    [GeneratedRegex(@"^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?\z")]
    private static partial Regex HostAndPort();

    private static string Html(IdeSettings settings, string initialQuery)
    {
        var config = JsonSerializer.Serialize(settings with { InitialQuery = initialQuery }, IdeSettings.Json)
            .Replace("</", "<\\/", StringComparison.Ordinal);
        var assets = HtmlEncoder.Default.Encode(settings.AssetsPath);
        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <title>ProductQuality.Graph — GraphQL IDE</title>
              <link rel="icon" href="data:," />
              <link rel="stylesheet" href="{{assets}}/vendor/graphiql.min.css" />
              <link rel="stylesheet" href="{{assets}}/vendor/plugin-explorer.css" />
              <link rel="stylesheet" href="{{assets}}/ide.css" />
            </head>
            <body>
              <header id="sign-in" aria-label="Sign-in"></header>
              <main id="graphiql"><p class="loading">Loading the IDE…</p></main>
              <script type="application/json" id="ide-settings">{{config}}</script>
              <script src="{{assets}}/vendor/react.production.min.js"></script>
              <script src="{{assets}}/vendor/react-dom.production.min.js"></script>
              <script src="{{assets}}/vendor/graphiql.min.js"></script>
              <script src="{{assets}}/vendor/plugin-explorer.umd.js"></script>
              <script src="{{assets}}/transport-ws.js"></script>
              <script src="{{assets}}/ide.js"></script>
            </body>
            </html>
            """;
    }
}
