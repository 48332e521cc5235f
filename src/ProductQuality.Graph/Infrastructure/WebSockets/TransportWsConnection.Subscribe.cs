using System.Net.WebSockets;
using System.Text.Json;
using GraphQL;
using ProductQuality.Graph.Access;
using ProductQuality.Graph.Infrastructure.Http.Limits;

namespace ProductQuality.Graph.Infrastructure.WebSockets;

/// <summary>
/// The connection's <c>subscribe</c> messages: each operation checked (identity, id, rate, places) and run, its events
/// sent as <c>next</c> in order, its end as <c>complete</c> or <c>error</c>, each with its access log entry.
/// </summary>
internal sealed partial class TransportWsConnection
{
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

        if (!await StillAuthorisedAsync())
        {
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

        // A close begun meanwhile (the init deadline, the token's expiry, the stop) ended the operations it found
        // before its frame went out: one added after them is not run either.
        if (CloseBegun)
        {
            TryEnd(id, operation);
            return;
        }

        // Every operation is accounted for like an HTTP request: its start, refusal or answer, and each event.
        operation.Trace = _log.Begin(http);
        if (operation.Trace is { } trace)
        {
            trace.Audience = _audience;
            trace.RequestId = RequestId(id);
        }

        await NoteHeadAsync(message.Payload, operation);

        // Started beside the receive loop: awaited here, a query's wait for a place and its execution (10 s each at
        // most) held every message behind it, a ping's pong and the complete that would cancel it included.
        var audience = _audience;
        operation.Starting = Task.Run(() => RunOperationAsync(id, message.Payload, audience, operation));
        lock (_starts)
        {
            _starts.RemoveAll(start => start.IsCompleted);
            _starts.Add(operation.Starting);
        }
    }

    /// <summary>
    /// Fixes "now" for a change subscription without a cursor as the subscribe is received (<see
    /// cref="Changes.ChangeHeadAtReceipt"/>), in order with the connection's other messages. Only for a document that
    /// may hold a subscription; a read that fails leaves it to the field, which reads the head itself.
    /// </summary>
    private async Task NoteHeadAsync(JsonElement? payload, Operation operation)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } p || !p.TryGetProperty("query", out var query)
            || query.ValueKind != JsonValueKind.String
            || query.GetString()?.Contains("subscription", StringComparison.Ordinal) != true)
        {
            return;
        }

        // Read in a scope of its own and waited for 2 s at most: the receive loop waits for it, and a hung database
        // held every message behind it (a ping's pong for 39 s). Given up, the read goes on alone, with its own
        // DbContext (the operation's must stay free for the field), and the field reads the head itself.
        var scope = operation.Scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var read = scope.ServiceProvider.GetRequiredService<Changes.IChangeFeed>().HeadAsync(
            scope.ServiceProvider.GetRequiredService<Data.ProductQualityDbContext>(), operation.Cancel.Token);
        _ = read.ContinueWith(_ => scope.DisposeAsync().AsTask(), TaskScheduler.Default).Unwrap();
        try
        {
            operation.Scope.ServiceProvider.GetRequiredService<Changes.ChangeHeadAtReceipt>().Head =
                await read.WaitAsync(HeadWait, operation.Cancel.Token);
        }
#pragma warning disable CA1031 // The field reads the head itself, and reports what fails there.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            if (e is TimeoutException || Data.DatabaseOutage.Reason(e) is not null)
            {
                Log.HeadNotRead(_logger, e.GetType().Name);
            }
            else
            {
                Log.StreamFailed(_logger, e, "(head at receipt)");
            }
        }
    }

    /// <summary>How long the receive loop waits for the feed's head when a change subscription arrives.</summary>
    private static readonly TimeSpan HeadWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Starts an operation and answers it: refused (<c>error</c>), one result (<c>next</c>, <c>complete</c>), or
    /// a stream forwarded event by event. A client's <c>complete</c> meanwhile cancels it and nothing more is sent.
    /// </summary>
    private async Task RunOperationAsync(string id, JsonElement? payload, Audience audience, Operation operation)
    {
        try
        {
            var start = await runner.StartAsync(payload, audience, operation.Trace, http,
                operation.Scope.ServiceProvider, operation.Backlog, operation.Cancel.Token);
            await AnswerAsync(id, operation, start);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or WebSocketException)
        {
            // Completed by the client, or the connection is gone: nothing left to answer, but accounted for.
            await RecordLeftAsync(id, operation);
        }
#pragma warning disable CA1031 // A fault ends this operation, never the connection: it is logged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.StreamFailed(_logger, e, id);
            if (TryEnd(id, operation))
            {
                await SendAsync(ErrorMessage(id, OperationStart.Refused("INTERNAL_ERROR",
                    "The operation stopped on a server fault.")));
            }
        }
    }

    private async Task AnswerAsync(string id, Operation operation, OperationStart start)
    {
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

            operation.Accounted = true;
            if (!await _log.RecordAsync(http, operation.Trace, RequestId(id), start.Status))
            {
                await RefuseUnloggedAsync(id, operation);
            }
            else if (TryEnd(id, operation))
            {
                await SendAsync(ErrorMessage(id, start));
            }

            return;
        }

        if (start.Events is null)
        {
            await SendResultAsync(id, operation, start.Result!);
            return;
        }

        if (!IsLive(id, operation))
        {
            await RecordLeftAsync(id, operation);
            return;
        }

        var opened = operation.Trace?.TakeEvent(operation.Trace.StartedUtc, operation.Trace.StartedTimestamp);
        operation.Accounted = true;
        if (!await _log.RecordAsync(http, opened, RequestId(id), StatusCodes.Status200OK))
        {
            await RefuseUnloggedAsync(id, operation);
            return;
        }

        operation.Attach(start.Events.Subscribe(new Forwarder(this, id, operation)));
    }

    /// <summary>
    /// A query's one result, logged and sent as <c>next</c>, then <c>complete</c> — unless the client's
    /// <c>complete</c> came first: PROTOCOL.md, a result is not sent once the client has completed its operation.
    /// </summary>
    private async Task SendResultAsync(string id, Operation operation, ExecutionResult result)
    {
        await operation.Delivering.WaitAsync(_closing.Token);
        try
        {
            if (!IsLive(id, operation))
            {
                await RecordLeftAsync(id, operation);
                return;
            }

            operation.Trace?.Answered(result);
            operation.Accounted = true;
            if (!await _log.RecordAsync(http, operation.Trace, RequestId(id), StatusCodes.Status200OK))
            {
                await RefuseUnloggedAsync(id, operation);
                return;
            }

            await SendAsync(NextMessage(id, result));
        }
        finally
        {
            operation.Delivering.Release();
        }

        await CompleteAsync(id, operation);
    }

    /// <summary>
    /// An operation its client completed (or whose connection went) before its start was answered is logged as an
    /// HTTP request whose caller left: CANCELLED, 499 CLIENT_CLOSED_REQUEST, with the groups and codes of what ran
    /// for it. Once its start, refusal or result has its entry, nothing more is written.
    /// </summary>
    private async Task RecordLeftAsync(string id, Operation operation)
    {
        if (operation.Accounted || operation.Trace is not { } trace)
        {
            return;
        }

        operation.Accounted = true;
        // Cut short by the server stopping, not by its caller: logged as the server's doing (the re-probe read a
        // stop's cut operations as 499, the caller gone).
        if (http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping
            .IsCancellationRequested)
        {
            trace.Failed(Audit.AccessOutcomes.ServerStoppingCode, serverFault: true);
            await _log.RecordAsync(http, trace, RequestId(id), StatusCodes.Status503ServiceUnavailable);
            return;
        }

        trace.Failed(Audit.AccessOutcomes.ClientClosedCode);
        await _log.RecordAsync(http, trace, RequestId(id), Audit.AccessOutcomes.ClientClosedRequest);
    }

    /// <summary>Whether the operation is still the one running under its id (not ended, not replaced).</summary>
    private bool IsLive(string id, Operation operation) =>
        _operations.TryGetValue(id, out var current) && ReferenceEquals(current, operation);

    /// <summary>
    /// Ends the operation if it is still the one under its id: a client may complete an id and subscribe with it
    /// again while the first is still stopping, and the first must not end the second.
    /// </summary>
    private bool TryEnd(string id, Operation operation)
    {
        if (!_operations.TryRemove(KeyValuePair.Create(id, operation)))
        {
            return false;
        }

        operation.Dispose();
        return true;
    }
}
