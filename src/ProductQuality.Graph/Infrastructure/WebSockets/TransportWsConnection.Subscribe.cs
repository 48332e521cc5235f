using System.Diagnostics;
using System.Text.Json;
using GraphQL;
using ProductQuality.Graph.Audit;
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
}
