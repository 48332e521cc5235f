using Microsoft.AspNetCore.Cors.Infrastructure;
using ProductQuality.Graph.Infrastructure.Http;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// Whether a page of the upgrade's origin may open a WebSocket here. Browsers apply no CORS to WebSockets: any page
/// may open one to any server and read what comes back, so the server checks the Origin header itself (RFC 6455
/// §10.2). Without this a page of any site read a regulator's data with the token its user pasted, and opened the
/// address's hundred connections (the most it may have) from one tab, shutting out everyone behind the same address.
/// Allowed: no Origin (not a browser; a client that could forge one can send any header), the server's own origin
/// (the IDE), and the origins <c>GraphQL:Cors:AllowedOrigins</c> lists, as for HTTP.
/// </summary>
internal static class WebSocketOrigin
{
    /// <summary>The upgrade's Origin when no page of it may connect; null when it may.</summary>
    /// <param name="cors">The endpoint's CORS policy (<see cref="CrossOrigin"/>): it holds the allowed origins as
    /// browsers send them (lower case, punycode, no default port) and says whether one is allowed.</param>
    public static string? Refused(HttpRequest request, CorsPolicy cors)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || cors.AllowAnyOrigin || cors.IsOriginAllowed(origin))
        {
            return null;
        }

        // The server's own pages: the same host and port as the upgrade was sent to (a Host without a port meaning
        // the origin's default one). The scheme is not compared, as behind a proxy that ends TLS the page is https
        // and the upgrade arrives as http. A proxy that rewrites Host must pass the public origin in AllowedOrigins.
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && string.Equals(uri.IdnHost, request.Host.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
            && (request.Host.Port ?? (uri.IsDefaultPort ? uri.Port : -1)) == uri.Port
            ? null
            : origin;
    }
}
