using System.Collections.Concurrent;
using System.Net.WebSockets;
using GraphQL;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Access.Tokens;
using ProductQuality.Graph.Infrastructure.Http.Limits;
using ProductQuality.Graph.Audit;
using ProductQuality.Graph.Infrastructure.Clock;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// One graphql-transport-ws connection (the protocol of the graphql-ws library): <c>connection_init</c> with the
/// department's token within the time allowed, then <c>subscribe</c> / <c>next</c> / <c>error</c> /
/// <c>complete</c> per operation id, <c>ping</c> / <c>pong</c> either way. Every protocol violation closes the socket
/// with the protocol's code and a reason that says what was wrong, once its access log entry is stored (a refusal is
/// a request refused, as over HTTP); the token's expiry closes it with 4403, so a connection never outlives the
/// permission it was opened with.
/// </summary>
internal sealed partial class TransportWsConnection(
    WebSocket socket,
    HttpContext http,
    OperationRunner runner,
    IAudienceResolver audiences,
    IGraphQLTextSerializer serializer,
    GraphQLWebSocketOptions options,
    ILogger logger) : IDisposable
{
    private readonly ILogger _logger = logger;
    private readonly AccessLogging _log = http.RequestServices.GetRequiredService<AccessLogging>();
    private readonly QueryLimits _limits = http.RequestServices.GetRequiredService<QueryLimits>();
    private readonly TimeProvider _clock = http.RequestServices.GetRequiredService<TimeProvider>();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private long _unsentCharacters;

    // When the send in progress began (a Stopwatch timestamp), 0 when none is.
    private long _sendingSince;
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private readonly List<Task> _starts = [];   // operations starting beside the receive loop, awaited at the close
    private readonly CancellationTokenSource _closing =
        CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
    private Audience? _audience;
    private Microsoft.Extensions.Primitives.StringValues _enterpriseAuthorization;
    private bool _initReceived;
    private int _refused;

    public async Task RunAsync()
    {
        var initDeadline = CloseUnlessInitialisedAsync();
        // A stop waited for every open connection to end by itself, for the host's whole shutdown timeout (30 s),
        // and then reset them: clients saw an abnormal 1006 half a minute late (the protocol probe).
        using var stopping = http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping
            .Register(() => _ = GoAwayAsync());
        using var listed = http.RequestServices.GetRequiredService<GoingAwayOnStop>().List(this);
        try
        {
            // Read on after the server's close (CloseSent) for the client's answer, until the wait for it ends.
            while (!_closing.IsCancellationRequested && socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var (text, closed) = await ReceiveAsync();
                if (closed)
                {
                    break;
                }

                // What the client sent once the close had begun is dropped: nothing after the close is run.
                if (text is not null && !CloseBegun)
                {
                    await HandleAsync(text);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away or the connection was closed on purpose: nothing left to answer.
        }
        finally
        {
            // A close frame on its way goes out before the connection ends (ending it aborts the socket mid-frame).
            if (CloseUnderWay() is { } close)
            {
                await close;
            }

            await _closing.CancelAsync();
            foreach (var operation in _operations.Values)
            {
                operation.Dispose();
            }

            await initDeadline.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            // Cancelled above, they stop soon; the socket and the sending lock must outlive them.
            Task[] starts;
            lock (_starts)
            {
                starts = [.. _starts];
            }

            await Task.WhenAll(starts).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose()
    {
        _sending.Dispose();
        _closing.Dispose();
    }

    private async Task HandleAsync(byte[] utf8)
    {
        var (message, problem) = ProtocolMessage.Parse(utf8);
        if (message is null)
        {
            await RefuseAsync(problem!);
            return;
        }

        switch (message.Type)
        {
            case "connection_init":
                await InitialiseAsync(message);
                break;
            case "ping":
                await SendAsync("{\"type\":\"pong\"}");
                break;
            case "pong":
                break;
            case "subscribe":
                await SubscribeAsync(message);
                break;
            case "complete" when message.Id is not null:
                if (_operations.TryRemove(message.Id, out var operation))
                {
                    await operation.EndAsync();   // the client ended it: no complete is sent back
                }

                break;
            case "complete":
                await RefuseAsync(
                    ConnectionRefusal.BadMessage("A 'complete' message needs the 'id' of the operation it ends."));
                break;
            default:
                await RefuseAsync(
                    ConnectionRefusal.BadMessage($"Unexpected message type '{Quoted.Start(message.Type)}'."));
                break;
        }
    }

    private async Task InitialiseAsync(ProtocolMessage message)
    {
        if (_initReceived)
        {
            await RefuseAsync(ConnectionRefusal.SecondInit());
            return;
        }

        _initReceived = true;
        // The resolver reads a request's Authorization header, as for HTTP: it is given a request of its own that
        // carries the connection's token (the upgrade request has been answered and its authentication settled).
        var (authorization, problem) = ConnectionToken.From(message.Payload, http.Request);
        if (problem is { } refused)
        {
            await RefuseUnidentifiedAsync(refused);
            return;
        }

        if (ConnectionPurpose.Apply(message.Payload, http.Request) is { } badPurpose)
        {
            await RefuseAsync(badPurpose);
            return;
        }

        var (audience, refusal) = await ResolveAsync(authorization);
        if (audience is null)
        {
            // A valid token of a department without a policy is logged as who it says it is, as over HTTP.
            var trace = _log.Begin(http);
            trace?.Claimed = refusal!.Claimed;
            await RefuseUnidentifiedAsync(ConnectionRefusal.Token(refusal!.Code, refusal.Status, refusal.Message),
                trace);
            return;
        }

        _audience = audience;
        _enterpriseAuthorization = audience.Department == AccessPolicy.EnterpriseContract ? authorization : default;
        await SendAsync("{\"type\":\"connection_ack\"}");
        // Closed when the token stops passing: at its expiry plus the clock skew every check allows. Closed at the
        // expiry itself, a client reconnecting with the same token was let in (still within the skew) and closed again
        // at once, over and over for the skew's 30 s.
        if (BearerToken.Of(authorization.ToString()) is { Length: > 0 } token
            && ConnectionToken.ExpiresAt(token) is { } expires)
        {
            var skew = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<TokenOptions>>()
                .Value.ClockSkewSeconds;
            _ = CloseAtExpiryAsync(expires.AddSeconds(skew));
        }
    }

    /// <summary>The audience a token resolves to, as over HTTP: asked through a request of its own.</summary>
    private async Task<(Audience? Audience, AuthRefusal? Refusal)> ResolveAsync(
        Microsoft.Extensions.Primitives.StringValues authorization)
    {
        await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var asking = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        asking.Connection.RemoteIpAddress = http.Connection.RemoteIpAddress;
        if (authorization.Count > 0)
        {
            asking.Request.Headers.Authorization = authorization;
        }

        return await audiences.ResolveAsync(asking);
    }

    /// <summary>
    /// An enterprise token's connection asks again before each operation whether the token still passes: the
    /// regulator may revoke an enterprise's tokens (<c>token --revoke</c>), and a connection outlived the revocation
    /// until the token expired, up to 90 days. Department tokens are not revoked here (their provider does that).
    /// </summary>
    private async Task<bool> StillAuthorisedAsync()
    {
        if (_enterpriseAuthorization.Count == 0)
        {
            return true;
        }

        var (audience, refusal) = await ResolveAsync(_enterpriseAuthorization);
        if (audience is not null)
        {
            return true;
        }

        // Refused as at connection_init (4403 with the code), and logged as such.
        await RefuseAsync(ConnectionRefusal.Token(refusal!.Code, refusal.Status, refusal.Message));
        return false;
    }

    /// <summary>
    /// Closes a connection whose token was refused. As over HTTP, each such refusal counts against the address's
    /// public rate: past it, the close says when to try again (1013, Try Again Later) instead of checking one more
    /// token.
    /// </summary>
    private async Task RefuseUnidentifiedAsync(ConnectionRefusal refusal, AccessTrace? trace = null)
    {
        if (_limits.CheckUnidentified(http) is { } limited)
        {
            // Past the rate, logged one by one only up to the rate again (LimitRefusal.Unlogged).
            trace ??= _log.Begin(http);
            trace?.Unlogged = limited.Unlogged;

            // A close reason holds 123 bytes: the code and the wait, not the rate limiter's whole sentence.
            await RefuseAsync(new ConnectionRefusal(CloseCodes.TryAgainLater, limited.Code, limited.Status,
                $"{limited.Code}: too many requests without a valid token from this address; retry after "
                + $"{DepartmentRateLimiter.RetryAfterHeader(limited)} s"), trace);
            return;
        }

        await RefuseAsync(refusal, trace);
    }

    /// <summary>
    /// Closes the connection on a refusal, once its one access log entry is stored: who asked (when known), the
    /// refused document (when the message carried one), the outcome the same refusal has over HTTP, the close code as
    /// its status, and nobody's data. A connection is refused once (it closes): the init deadline may race a message.
    /// </summary>
    private async Task RefuseAsync(ConnectionRefusal refusal, AccessTrace? trace = null, string? id = null)
    {
        if (CloseBegun)
        {
            return;   // closing already (the stop, the token's expiry): what the client sends now is not read
        }

        var (closeCode, reason) = (refusal.CloseCode, refusal.Reason);
        if (Interlocked.Exchange(ref _refused, 1) == 0 && (trace ?? _log.Begin(http)) is { } entry)
        {
            entry.Audience ??= _audience;
            refusal.Sent?.NoteIn(entry, http.RequestServices
                .GetRequiredService<Microsoft.Extensions.Options.IOptions<Http.GraphQLHttpOptions>>().Value
                .MaxDocumentLength);
            entry.Failed(refusal.Code, nothingReturned: true);
            // A close tells something (4403: the token is refused), so one whose entry cannot be stored says only
            // "try again later", as a refusal over HTTP becomes 503 ACCESS_LOG_UNAVAILABLE.
            if (!await _log.RecordAsync(http, entry, id is null ? http.TraceIdentifier : RequestId(id),
                refusal.CloseCode, AccessOutcomes.Of(refusal.Status, refusal.Code, faulted: false)))
            {
                (closeCode, reason) = (CloseCodes.TryAgainLater,
                    $"{AccessLogging.UnavailableCode}: the access log cannot be written just now; retry shortly");
            }
        }

        await CloseAsync(closeCode, reason);
    }

    private async Task CloseUnlessInitialisedAsync()
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(options.ConnectionInitTimeoutSeconds), _closing.Token);
            if (!_initReceived)
            {
                await RefuseAsync(ConnectionRefusal.InitTimeout());
            }
        }
        catch (OperationCanceledException)
        {
            // Closed before the deadline.
        }
    }

    private async Task CloseAtExpiryAsync(DateTimeOffset expires)
    {
        try
        {
            await Waiting.UntilAsync(expires, _clock, _closing.Token);
            await CloseAsync(CloseCodes.Forbidden, "Token expired: reconnect with a new token");
        }
        catch (OperationCanceledException)
        {
            // Closed before the token expired.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Debug, "Closing a GraphQL WebSocket connection: {Code} {Reason}")]
        public static partial void Closing(ILogger logger, int code, string reason);

        [LoggerMessage(LogLevel.Debug, "The close ({Code}) was not sent: the connection was gone ({Why})")]
        public static partial void CloseNotSent(ILogger logger, int code, string why);

        [LoggerMessage(LogLevel.Error, "A subscription stream failed (operation {Id})")]
        public static partial void StreamFailed(ILogger logger, Exception error, string id);

        [LoggerMessage(LogLevel.Debug,
            "The change feed's head was not read at a subscribe ({Why}): the subscription reads it itself")]
        public static partial void HeadNotRead(ILogger logger, string why);

        [LoggerMessage(LogLevel.Warning,
            "Subscription {Id} stopped: the database could not answer ({Cause}); its client may subscribe again")]
        public static partial void StreamLostDatabase(ILogger logger, string id, string cause);

        [LoggerMessage(LogLevel.Warning,
            "A GraphQL WebSocket client read nothing for {Seconds} s while a message waited: connection aborted")]
        public static partial void NotReading(ILogger logger, int seconds);

        [LoggerMessage(LogLevel.Warning, "A GraphQL WebSocket client left {Characters} characters of answers unread "
            + "(GraphQL:WebSockets:MaxUnsentCharacters): connection aborted")]
        public static partial void TooMuchUnsent(ILogger logger, long characters);
    }
}
