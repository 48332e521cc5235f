using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProductQuality.Graph.Explorer.Map;

/// <summary>
/// The HTML shell of the map. As on the IDE page, every script and style comes from this server and the
/// Content-Security-Policy allows nothing else: the page holds a bearer token and must work without internet.
/// </summary>
internal static class MapPage
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static Task WriteAsync(HttpContext http, MapSettings settings)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsync(Html(settings), http.RequestAborted);
    }

    private static string Html(MapSettings settings)
    {
        var config = JsonSerializer.Serialize(settings, IdeSettings.Json)
            .Replace("</", "<\\/", StringComparison.Ordinal);
        var assets = HtmlEncoder.Default.Encode(settings.AssetsPath);
        var endpoint = HtmlEncoder.Default.Encode(settings.Endpoint);
        return $$"""
            <!doctype html>
            <html lang="zh-CN">
            <head>
              <meta charset="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <title>Four-colour map (四色区域图) — ProductQuality.Graph</title>
              <link rel="icon" href="data:," />
              <link rel="stylesheet" href="{{assets}}/map.css" />
            </head>
            <body>
              <header class="bar">
                <strong class="brand">Four-colour map (四色区域图)</strong>
                <span class="who" data-testid="signed-in-as">…</span>
                <label>Token <input id="token" type="password" autocomplete="off" placeholder="Bearer token" /></label>
                <button id="sign-in" type="button">Sign in</button>
                <label>As of <input id="as-of" type="date" /></label>
                <label><input id="show-enterprises" type="checkbox" /> Enterprises</label>
                <button id="export-svg" type="button">Export SVG</button>
                <a href="{{endpoint}}">GraphQL IDE</a>
              </header>
              <p id="status" role="status">Loading…</p>
              <main id="map-area">
                <svg id="map" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Four-colour map"></svg>
                <aside id="legend" aria-label="Legend"></aside>
              </main>
              <div id="tooltip" role="tooltip" hidden></div>
              <script type="application/json" id="map-settings">{{config}}</script>
              <script src="{{assets}}/map.js"></script>
            </body>
            </html>
            """;
    }
}
