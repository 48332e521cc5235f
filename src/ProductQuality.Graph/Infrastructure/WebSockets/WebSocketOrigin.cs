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
    public static string? Refused(HttpRequest request, CrossOriginOptions cors)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || cors.AllowedOrigins.Contains("*")
            || cors.AllowedOrigins.Contains(origin, StringComparer.Ordinal))
        {
            return null;
        }

        // The server's own pages: the same host and port as the upgrade was sent to. The scheme is not compared, as
        // behind a proxy that ends TLS the page is https and the upgrade arrives as http.
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            ? null
            : origin;
    }
}
