using GraphQL;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Infrastructure.Http;
using ProductQuality.Graph.Infrastructure.Http.Limits;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// A WebSocket upgrade at the GraphQL endpoint: accepted for the graphql-transport-ws subprotocol (what the
/// graphql-ws library's clients ask for); for anything else — the legacy subscriptions-transport-ws (also called
/// "graphql-ws") included — closed at once with 4406 naming the protocol to use. A refused upgrade is a refused
/// request, logged as over HTTP (its answer waits until its entry is in).
/// </summary>
internal sealed class GraphQLWebSocketEndpoint(
    OperationRunner runner,
    QueryLimits limits,
    OpenConnections connections,
    IAudienceResolver audiences,
    IGraphQLTextSerializer serializer,
    AccessLogging log,
    IOptions<GraphQLWebSocketOptions> options,
    IOptions<CorsOptions> cors,
    ILogger<GraphQLWebSocketEndpoint> logger)
{
    public const string SubProtocol = "graphql-transport-ws";

    /// <summary>The pages that may connect are those the endpoint's CORS policy allows.</summary>
    private readonly CorsPolicy _origins = cors.Value.GetPolicy(cors.Value.DefaultPolicyName)!;

    /// <summary>
    /// Whether the request asks to upgrade to a WebSocket, well-formed or not: a malformed upgrade once fell through
    /// to the HTTP endpoint and was told its GET had no 'query'.
    /// </summary>
    public static bool AsksUpgrade(HttpRequest request) =>
        request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Where GraphQL over WebSocket is, for an upgrade that asked anywhere else (the bare host, /subscriptions): a
    /// WebSocket client follows no redirect and was told only where GraphQL over HTTP is.
    /// </summary>
    public static string WhereItIs(string graphQLPath) => $"GraphQL over WebSocket is at {graphQLPath}: connect to "
        + $"ws://<host>{graphQLPath} (wss:// behind TLS) with the {SubProtocol} subprotocol.";

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await log.RunAsync(http, RefuseMalformedUpgradeAsync);
            return;
        }

        if (WebSocketOrigin.Refused(http.Request, _origins) is { } origin)
        {
            await RefuseAsync(http, CloseCodes.Forbidden, "ORIGIN_NOT_ALLOWED", StatusCodes.Status403Forbidden,
                // The code first, as in every other refusal's reason: clients branch on it (within 123 bytes).
                $"ORIGIN_NOT_ALLOWED: '{Quoted.Start(origin, 36)}' may not connect; list it in "
                + "GraphQL:Cors:AllowedOrigins");
            return;
        }

        // Before the subprotocol's own check: a token offered alone (new WebSocket(url, [token])) was told only to
        // use graphql-transport-ws, and not where the token goes (the probe of recent changes).
        if (http.WebSockets.WebSocketRequestedProtocols.Any(SubprotocolCredential.LooksLikeOne))
        {
            await RefuseAsync(http, CloseCodes.SubprotocolNotAcceptable, "UNSUPPORTED_WEBSOCKET_PROTOCOL",
                StatusCodes.Status400BadRequest, SubprotocolCredential.Reason);
            return;
        }

        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal))
        {
            var legacy = http.WebSockets.WebSocketRequestedProtocols.Contains("graphql-ws", StringComparer.Ordinal);
            await RefuseAsync(http, CloseCodes.SubprotocolNotAcceptable, "UNSUPPORTED_WEBSOCKET_PROTOCOL",
                StatusCodes.Status400BadRequest, legacy
                    ? $"Subprotocol not acceptable: the legacy 'graphql-ws' is not served; use '{SubProtocol}'"
                    : $"Subprotocol not acceptable: use '{SubProtocol}' (the graphql-ws library's clients ask for it)");
            return;
        }

        var settings = options.Value;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var lease = connections.TryOpen(address, settings.MaxConnectionsPerAddress);
        if (lease is null)
        {
            // The numbers in extensions, as for every limit (no Retry-After: room comes when a connection ends).
            // Counted against the address's public rate as every refusal before the caller is known: written
            // straight out, a loop of upgrades was refused ~2,000 times a second, every refusal logged (the
            // probe of recent changes), where past the rate they are 429 RATE_LIMITED and logged at most 60 times.
            var open = settings.MaxConnectionsPerAddress;
            await log.RunAsync(http, h => limits.RefuseUnidentifiedAsync(h, new RequestError(
                StatusCodes.Status429TooManyRequests, "TOO_MANY_CONNECTIONS", $"This address has {open} WebSocket "
                + "connections open already, the most it may: close one (one connection carries many subscriptions) "
                + "or wait for one to end.") { Facts = [new("open", open), new("limit", open)] }, MediaTypes.Json));
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
    /// An upgrade refused (for another subprotocol or none, or from a page of an origin not allowed): accepted and
    /// closed at once with <paramref name="closeCode"/> and the reason, as graphql-ws's own server closes it. Refused
    /// before the upgrade with a 4xx, a browser's client saw only a failed connection (1006): a WebSocket cannot read
    /// an HTTP answer's body. The first protocol asked is echoed, or the browser fails the handshake before it reads
    /// the close. It counts against the address's public rate, as every refusal before the caller is known; past it
    /// the close is 1013 with the wait.
    /// </summary>
    private async Task RefuseAsync(HttpContext http, int closeCode, string code, int status, string reason)
    {
        var asked = http.WebSockets.WebSocketRequestedProtocols;
        var limited = limits.CheckUnidentified(http);
        if (limited is not null)
        {
            (closeCode, code, status, reason) = (CloseCodes.TryAgainLater, limited.Code, limited.Status,
                $"{limited.Code}: too many refused requests from this address; retry after "
                + $"{DepartmentRateLimiter.RetryAfterHeader(limited)} s");
        }

        var echoed = asked.FirstOrDefault(IsEchoable);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(echoed);
        if (log.Begin(http) is { } entry)
        {
            entry.Unlogged = limited?.Unlogged == true;
            entry.Failed(code, nothingReturned: true);
            if (!await log.RecordAsync(http, entry, http.TraceIdentifier, closeCode,
                AccessOutcomes.Of(status, code, faulted: false)))
            {
                // As over HTTP, where the refusal becomes 503 ACCESS_LOG_UNAVAILABLE: try again later, not the
                // refusal's code (a client told 4403 stops retrying for good).
                (closeCode, reason) = (CloseCodes.TryAgainLater,
                    $"{AccessLogging.UnavailableCode}: the access log cannot be written just now; retry shortly");
            }
        }

        // The client answers the close; one that does not is not waited for long.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        patience.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await socket.CloseAsync((System.Net.WebSockets.WebSocketCloseStatus)closeCode,
                CloseCodes.FitReason(reason), patience.Token);
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or OperationCanceledException)
        {
            // Gone, or silent: the connection ends either way.
        }
    }

    /// <summary>
    /// A subprotocol name that may go back in the answer's header: an HTTP token (RFC 9110 §5.6.2), and not a
    /// credential (a JWT is a token by its characters).
    /// </summary>
    private static bool IsEchoable(string protocol) =>
        protocol.Length > 0 && protocol.All(c => c is > ' ' and < '\x7f' && !"()<>@,;:\\\"/[]?={}".Contains(c))
        && !SubprotocolCredential.LooksLikeOne(protocol);

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
