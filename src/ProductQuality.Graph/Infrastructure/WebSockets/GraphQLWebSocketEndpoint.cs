using GraphQL;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Infrastructure.Http;
using ProductQuality.Graph.Infrastructure.Http.Limits;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// A WebSocket upgrade at the GraphQL endpoint: accepted for the graphql-transport-ws subprotocol (what the
/// graphql-ws library's clients ask for), refused with a clear 400 for anything else — the legacy
/// subscriptions-transport-ws (also called "graphql-ws") included — instead of a misleading GraphQL error. A refused
/// upgrade is a refused request, logged as over HTTP (AccessLogging.RunAsync holds its answer until its entry is in).
/// </summary>
internal sealed class GraphQLWebSocketEndpoint(
    OperationRunner runner,
    QueryLimits limits,
    OpenConnections connections,
    IAudienceResolver audiences,
    IGraphQLTextSerializer serializer,
    AccessLogging log,
    IOptions<GraphQLWebSocketOptions> options,
    ILogger<GraphQLWebSocketEndpoint> logger)
{
    public const string SubProtocol = "graphql-transport-ws";

    /// <summary>
    /// Whether the request asks to upgrade to a WebSocket, well-formed or not: a malformed upgrade once fell through
    /// to the HTTP endpoint and was told its GET had no 'query'.
    /// </summary>
    public static bool AsksUpgrade(HttpRequest request) =>
        request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase);

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await log.RunAsync(http, RefuseMalformedUpgradeAsync);
            return;
        }

        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal))
        {
            var asked = http.WebSockets.WebSocketRequestedProtocols;
            var legacy = asked.Contains("graphql-ws", StringComparer.Ordinal)
                ? " The legacy subscriptions-transport-ws protocol ('graphql-ws') is not supported."
                : "";
            // Refused before the caller is known: counted against the address's public rate, as over HTTP.
            var refusal = RequestError.BadRequest("UNSUPPORTED_WEBSOCKET_PROTOCOL",
                $"This endpoint speaks GraphQL over WebSocket with the '{SubProtocol}' subprotocol (the graphql-ws "
                + $"library's clients ask for it); the upgrade asked for "
                + (asked.Count == 0 ? "none" : $"'{string.Join("', '", asked.Take(5).Select(p => Quoted.Start(p)))}'")
                + "."
                + legacy);
            await log.RunAsync(http, h => limits.RefuseUnidentifiedAsync(h, refusal, MediaTypes.Json));
            return;
        }

        var settings = options.Value;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var lease = connections.TryOpen(address, settings.MaxConnectionsPerAddress);
        if (lease is null)
        {
            // The numbers in extensions, as for every limit (no Retry-After: room comes when a connection ends).
            var open = settings.MaxConnectionsPerAddress;
            await log.RunAsync(http, h => LimitRefusalWriter.WriteAsync(h, new LimitRefusal(
                StatusCodes.Status429TooManyRequests, "TOO_MANY_CONNECTIONS", $"This address has {open} WebSocket "
                + "connections open already, the most it may: close one (one connection carries many subscriptions) "
                + "or wait for one to end.", [new("open", open), new("limit", open)]), MediaTypes.Json));
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = SubProtocol,
            KeepAliveInterval = TimeSpan.FromSeconds(settings.KeepAliveSeconds),
        });
        using var connection = new TransportWsConnection(socket, http, runner, audiences, serializer, settings, logger);
        await connection.RunAsync();
    }

    /// <summary>
    /// An upgrade ASP.NET Core cannot accept (RFC 6455 §4.2.1): another protocol version is 426 with the version
    /// spoken here (§4.4); anything else is a 400 naming what a handshake needs.
    /// </summary>
    private Task RefuseMalformedUpgradeAsync(HttpContext http)
    {
        var version = http.Request.Headers.SecWebSocketVersion.ToString();
        if (version.Length > 0 && version != "13")
        {
            http.Response.Headers.SecWebSocketVersion = "13";
            return limits.RefuseUnidentifiedAsync(http, new RequestError(StatusCodes.Status426UpgradeRequired,
                "UNSUPPORTED_WEBSOCKET_VERSION", "This endpoint speaks WebSocket version 13 (RFC 6455) only."),
                MediaTypes.Json);
        }

        return limits.RefuseUnidentifiedAsync(http, RequestError.BadRequest("INVALID_WEBSOCKET_UPGRADE",
            "The WebSocket upgrade is incomplete: a GET with 'Connection: Upgrade', 'Upgrade: websocket', "
            + "'Sec-WebSocket-Version: 13' and a 'Sec-WebSocket-Key' of 16 bytes in base64 (WebSocket clients send "
            + "these themselves)."), MediaTypes.Json);
    }
}
