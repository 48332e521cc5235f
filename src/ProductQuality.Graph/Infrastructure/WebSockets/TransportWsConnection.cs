using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
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
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing =
        CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
    private Audience? _audience;
    private bool _initReceived;
    private int _refused;

    public async Task RunAsync()
    {
        var initDeadline = CloseUnlessInitialisedAsync();
        try
        {
            while (!_closing.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var (text, closed) = await ReceiveAsync();
                if (closed || text is null)
                {
                    break;
                }

                await HandleAsync(text);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away or the connection was closed on purpose: nothing left to answer.
        }
        finally
        {
            await _closing.CancelAsync();
            foreach (var operation in _operations.Values)
            {
                operation.Dispose();
            }

            await initDeadline.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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

        await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var asking = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        asking.Connection.RemoteIpAddress = http.Connection.RemoteIpAddress;
        if (authorization.Count > 0)
        {
            asking.Request.Headers.Authorization = authorization;
        }

        var (audience, refusal) = await audiences.ResolveAsync(asking);
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
        await SendAsync("{\"type\":\"connection_ack\"}");
        if (BearerToken.Of(authorization.ToString()) is { Length: > 0 } token
            && ConnectionToken.ExpiresAt(token) is { } expires)
        {
            _ = CloseAtExpiryAsync(expires);
        }
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

    private async Task SubscribeAsync(ProtocolMessage message)
    {
        if (_audience is null)
        {
            await RefuseAsync(ConnectionRefusal.NotAcknowledged());
            return;
        }

        if (message.Id is not { } id)
        {
            await RefuseAsync(ConnectionRefusal.BadMessage("A subscribe message needs an 'id'."));
            return;
        }

        if (_operations.Count >= options.MaxOperationsPerConnection && !_operations.ContainsKey(id))
        {
            var most = options.MaxOperationsPerConnection;
            await RefuseOperationAsync(id, message.Payload, _limits.CheckRate(http, _audience) ?? new LimitRefusal(
                StatusCodes.Status429TooManyRequests, "TOO_MANY_OPERATIONS", $"At most {most} operations may run at "
                + "once on one connection: complete one first, or open another connection.",
                [new("operations", _operations.Count), new("limit", most)]));
            return;
        }

        var operation = new Operation(
            http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope(),
            CancellationTokenSource.CreateLinkedTokenSource(_closing.Token));
        if (!_operations.TryAdd(id, operation))
        {
            operation.Dispose();
            var duplicate = _log.Begin(http);
            runner.Note(message.Payload, duplicate);   // the refused operation's own document, not the running one's
            await RefuseAsync(ConnectionRefusal.IdInUse(id), duplicate, id);
            return;
        }

        // Every operation is accounted for like an HTTP request: its start, refusal or answer, and each event.
        operation.Trace = _log.Begin(http);
        if (operation.Trace is { } trace)
        {
            trace.Audience = _audience;
        }

        OperationStart start;
        try
        {
            start = await runner.StartAsync(message.Payload, _audience, operation.Trace, http,
                operation.Scope.ServiceProvider, operation.Backlog, operation.Cancel.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (start.IsError)
        {
            if (start.Code is not null)
            {
                // A refusal answers no data: what resolvers noted before it (a query the timeout stopped) was dropped.
                operation.Trace?.Failed(start.Code, nothingReturned: true);
            }
            else
            {
                operation.Trace?.Answered(start.Result!);
            }

            await _log.RecordAsync(http, operation.Trace, RequestId(id), start.Status);
            if (_operations.TryRemove(id, out _))
            {
                operation.Dispose();
                await SendAsync(ErrorMessage(id, start));
            }

            return;
        }

        if (start.Events is null)
        {
            operation.Trace?.Answered(start.Result!);
            if (await _log.RecordAsync(http, operation.Trace, RequestId(id), StatusCodes.Status200OK))
            {
                await SendNextAsync(id, start.Result!);
                await CompleteAsync(id);
            }
            else
            {
                await RefuseUnloggedAsync(id);
            }

            return;
        }

        var opened = operation.Trace?.TakeEvent(operation.Trace.StartedUtc, operation.Trace.StartedTimestamp);
        if (!await _log.RecordAsync(http, opened, RequestId(id), StatusCodes.Status200OK))
        {
            await RefuseUnloggedAsync(id);
            return;
        }

        operation.Subscription = start.Events.Subscribe(new Forwarder(this, id, operation.Backlog));
    }

    // One access log entry per operation and per event: the connection's request id and the operation's id.
    /// <summary>A result of the operation, its errors carrying the operation's request id as its log entry does.
    /// </summary>
    private string Serialize(string id, ExecutionResult result) =>
        Schema.OperationRequestId.While(RequestId(id), () => serializer.Serialize(result));

    private string RequestId(string id) => $"{http.TraceIdentifier}:{Quoted.Start(id)}";

    /// <summary>
    /// An event is sent only once its access log entry is stored (what was returned, to whom), and it counts against
    /// the caller's request rate as a request would: otherwise one subscription from an old cursor replays the whole
    /// feed — an answer and a log entry an event — for the price of one request. An event logged is sent: the
    /// client's <c>complete</c> waits for it (<see cref="Operation.EndAsync"/>); one it has overtaken is neither.
    /// </summary>
    private async Task SendEventAsync(string id, ExecutionResult result)
    {
        if (!_operations.TryGetValue(id, out var operation))
        {
            return;
        }

        await operation.Delivering.WaitAsync(_closing.Token);
        try
        {
            if (operation.Ended)
            {
                return;
            }

            // Taken whether the event is sent or not, so the next event's entry holds only its own data.
            var trace = operation.Trace?.TakeEvent(_log.Now, Stopwatch.GetTimestamp());
            if (_limits.CheckRate(http, _audience!) is { } limited)
            {
                await EndRateLimitedAsync(id, trace, limited);
                return;
            }

            trace?.Answered(result);
            if (await _log.RecordAsync(http, trace, RequestId(id), StatusCodes.Status200OK))
            {
                // Not SendNextAsync: a complete now waiting has removed the operation, and this event is logged.
                await SendAsync(NextMessage(id, result));
            }
            else
            {
                await RefuseUnloggedAsync(id);
            }
        }
        finally
        {
            operation.Delivering.Release();
        }
    }

    /// <summary>
    /// The event is not sent; the subscription ends with the wait, and resumes from the last cursor received. Its
    /// entry says so: LIMITED, with none of the codes and field groups its resolvers noted (nobody received them).
    /// </summary>
    private async Task EndRateLimitedAsync(string id, AccessTrace? trace, LimitRefusal limited)
    {
        if (_operations.TryRemove(id, out var operation))
        {
            operation.Dispose();
            trace?.Failed(limited.Code, nothingReturned: true);
            await _log.RecordAsync(http, trace, RequestId(id), limited.Status);
            var wait = DepartmentRateLimiter.RetryAfterHeader(limited);
            await SendAsync(ErrorMessage(id, OperationStart.Refused(limited with
            {
                Message = $"{limited.Message} Each event pushed counts as a request, so this subscription has ended "
                    + $"before the event that went past the rate: subscribe again after {wait} s with the cursor of "
                    + "the last event you received. To catch up on many events, page the changes query (up to 500 a "
                    + "request) first.",
            })));
        }
    }

    // Fail closed, as over HTTP: no data leaves without its entry; the operation ends with the log's error code.
    private async Task RefuseUnloggedAsync(string id)
    {
        if (_operations.TryRemove(id, out var operation))
        {
            operation.Dispose();
            await SendAsync(ErrorMessage(id, OperationStart.Refused(AccessLogging.UnavailableCode,
                "The access log cannot be written just now, and no answer is given that is not logged. Subscribe "
                + "again shortly, from your last cursor.")));
        }
    }

    /// <summary>
    /// Sends an event of an operation the client has not completed (a completed one sends nothing more).
    /// </summary>
    private async Task SendNextAsync(string id, ExecutionResult result)
    {
        if (_operations.ContainsKey(id))
        {
            await SendAsync(NextMessage(id, result));
        }
    }

    private string NextMessage(string id, ExecutionResult result) =>
        $"{{\"id\":{JsonSerializer.Serialize(id)},\"type\":\"next\",\"payload\":" + Serialize(id, result) + "}";

    private async Task CompleteAsync(string id)
    {
        if (_operations.TryRemove(id, out var operation))
        {
            operation.Dispose();
            await SendAsync($"{{\"id\":{JsonSerializer.Serialize(id)},\"type\":\"complete\"}}");
        }
    }

    /// <summary>
    /// An operation refused before it starts is a request refused, as over HTTP: it counts against the caller's rate
    /// (the refusal is the rate's once that is used up) and leaves its entry. A probe's 3,000 subscribes past the
    /// connection's operations wrote none and were never limited.
    /// </summary>
    private async Task RefuseOperationAsync(string id, JsonElement? payload, LimitRefusal refusal)
    {
        if (_log.Begin(http) is { } trace)
        {
            trace.Audience = _audience;
            trace.Unlogged = refusal.Unlogged;
            runner.Note(payload, trace);
            trace.Failed(refusal.Code, nothingReturned: true);
            await _log.RecordAsync(http, trace, RequestId(id), refusal.Status,
                AccessOutcomes.Of(refusal.Status, refusal.Code, faulted: false));
        }

        await SendAsync(ErrorMessage(id, OperationStart.Refused(refusal)));
    }

    private string ErrorMessage(string id, OperationStart start)
    {
        string errors;
        if (start.Code is not null)
        {
            // The code, the limit's numbers, and the id the access log keeps the operation under, as HTTP errors do.
            var extensions = new Dictionary<string, object> { ["code"] = start.Code };
            foreach (var (name, value) in start.Facts ?? [])
            {
                extensions[name] = value;
            }

            extensions["requestId"] = RequestId(id);
            errors = JsonSerializer.Serialize(new[] { new { message = start.Message, extensions } });
        }
        else
        {
            using var result = JsonDocument.Parse(Serialize(id, start.Result!));
            errors = result.RootElement.GetProperty("errors").GetRawText();
        }

        return $"{{\"id\":{JsonSerializer.Serialize(id)},\"type\":\"error\",\"payload\":{errors}}}";
    }

    /// <summary>
    /// Closes the connection on a refusal, once its one access log entry is stored: who asked (when known), the
    /// refused document (when the message carried one), the outcome the same refusal has over HTTP, the close code as
    /// its status, and nobody's data. A connection is refused once (it closes): the init deadline may race a message.
    /// </summary>
    private async Task RefuseAsync(ConnectionRefusal refusal, AccessTrace? trace = null, string? id = null)
    {
        if (Interlocked.Exchange(ref _refused, 1) == 0 && (trace ?? _log.Begin(http)) is { } entry)
        {
            entry.Audience ??= _audience;
            entry.Failed(refusal.Code, nothingReturned: true);
            // A close carries no data: it is sent even if the entry could not be stored (RecordAsync logs that).
            await _log.RecordAsync(http, entry, id is null ? http.TraceIdentifier : RequestId(id), refusal.CloseCode,
                AccessOutcomes.Of(refusal.Status, refusal.Code, faulted: false));
        }

        await CloseAsync(refusal.CloseCode, refusal.Reason);
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

        [LoggerMessage(LogLevel.Error, "A subscription stream failed (operation {Id})")]
        public static partial void StreamFailed(ILogger logger, Exception error, string id);

        [LoggerMessage(LogLevel.Warning,
            "A GraphQL WebSocket client read nothing for {Seconds} s while a message waited: connection aborted")]
        public static partial void NotReading(ILogger logger, int seconds);
    }
}
